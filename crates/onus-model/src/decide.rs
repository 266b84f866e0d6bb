//! Services whose category depends on a resource's type or properties
//! (ECS launch type, Lambda package type, ...). Each rule reads the resource
//! through [`Properties`], so the model needs nothing from the ingest layer.

use crate::catalog::Service;
use crate::category::Category;
use serde::Serialize;
use std::collections::HashMap;

/// What a property path holds, as far as a category rule needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Probe {
    /// Not set at all.
    Absent,
    /// Set, but its value cannot be resolved statically; the text says why.
    Unknown(String),
    /// A string, number or boolean, as text (`"FARGATE"`, `"true"`).
    Text(String),
    /// Set to a map, a list or a reference.
    Present,
}

/// Read access to a resource's properties. Paths are property names from the
/// resource's own format (`LaunchType` in CloudFormation, `launch_type` in
/// Terraform); a list with one element is looked through.
pub trait Properties {
    /// What is set at `path` (property names, outermost first).
    fn probe(&self, path: &[&str]) -> Probe;

    /// The elements of the list at `path`, each readable through [`Properties`],
    /// for rules that search a list of maps (Elastic Beanstalk option settings,
    /// ECS capacity provider strategies). `None` when there is no list there or
    /// the implementation cannot enumerate lists (the default); rules then fall
    /// back to [`Properties::probe`], which looks through one-element lists.
    fn items(&self, path: &[&str]) -> Option<Vec<Box<dyn Properties + '_>>> {
        let _ = path;
        None
    }
}

/// No properties at all (e.g. `onus explain` of a bare type).
pub struct NoProperties;

impl Properties for NoProperties {
    fn probe(&self, _path: &[&str]) -> Probe {
        Probe::Absent
    }
}

/// Properties from a map of dotted paths, for tests and for describing a
/// resource on the command line: `MapProperties::new().with("LaunchType", "FARGATE")`.
///
/// A path that is a strict prefix of a set path probes as [`Probe::Present`];
/// lists of maps are added with [`MapProperties::with_list`].
#[derive(Debug, Clone, Default)]
pub struct MapProperties {
    values: HashMap<String, Probe>,
    lists: HashMap<String, Vec<MapProperties>>,
}

impl MapProperties {
    /// No values set: every path probes as [`Probe::Absent`].
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets a scalar at a dotted path (`ComputeResources.Type`).
    pub fn with(mut self, path: &str, text: &str) -> Self {
        self.values
            .insert(path.to_owned(), Probe::Text(text.to_owned()));
        self
    }

    /// Sets any probe result at a dotted path (e.g. [`Probe::Unknown`]).
    pub fn with_probe(mut self, path: &str, probe: Probe) -> Self {
        self.values.insert(path.to_owned(), probe);
        self
    }

    /// Sets a list of maps at a dotted path.
    pub fn with_list(mut self, path: &str, items: Vec<MapProperties>) -> Self {
        self.lists.insert(path.to_owned(), items);
        self
    }
}

impl Properties for MapProperties {
    fn probe(&self, path: &[&str]) -> Probe {
        let key = path.join(".");
        if let Some(p) = self.values.get(&key) {
            return p.clone();
        }
        // Look through one-element lists, as the readers do.
        for (list, items) in &self.lists {
            if items.len() == 1
                && let Some(rest) = key
                    .strip_prefix(list.as_str())
                    .and_then(|r| r.strip_prefix('.'))
            {
                let rest: Vec<&str> = rest.split('.').collect();
                return items[0].probe(&rest);
            }
        }
        let nested = format!("{key}.");
        if self.lists.contains_key(&key)
            || self.values.keys().any(|k| k.starts_with(&nested))
            || self.lists.keys().any(|k| k.starts_with(&nested))
        {
            return Probe::Present;
        }
        Probe::Absent
    }

    fn items(&self, path: &[&str]) -> Option<Vec<Box<dyn Properties + '_>>> {
        self.lists.get(&path.join(".")).map(|items| {
            items
                .iter()
                .map(|i| Box::new(i.clone()) as Box<dyn Properties>)
                .collect()
        })
    }
}

/// The effective category of one resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryDecision {
    /// `None` when the deciding value could not be resolved: never guessed.
    pub category: Option<Category>,
    /// Why, in one line.
    pub reason: String,
}

impl CategoryDecision {
    /// A decision for `category`, with its reason.
    pub fn fixed(category: Category, reason: impl Into<String>) -> Self {
        CategoryDecision {
            category: Some(category),
            reason: reason.into(),
        }
    }

    /// No decision: the deciding value could not be resolved; the reason names it.
    pub fn unknown(reason: impl Into<String>) -> Self {
        CategoryDecision {
            category: None,
            reason: reason.into(),
        }
    }
}

/// A service-specific rule: its doc and its decision function.
pub(crate) struct CategoryRule {
    /// The service key (first alias) it belongs to.
    pub service: &'static str,
    pub doc: &'static str,
    pub decide: fn(&Service, &str, &dyn Properties) -> CategoryDecision,
}

pub(crate) fn has_rule(service_key: &str) -> bool {
    RULES.iter().any(|r| r.service == service_key)
}

pub(crate) fn rule_doc(service_key: &str) -> Option<&'static str> {
    RULES
        .iter()
        .find(|r| r.service == service_key)
        .map(|r| r.doc)
}

pub(crate) fn decide(
    service: &Service,
    resource_type: &str,
    props: &dyn Properties,
) -> CategoryDecision {
    match RULES.iter().find(|r| r.service == service.key()) {
        Some(rule) => (rule.decide)(service, resource_type, props),
        None => CategoryDecision::fixed(service.category, service.rationale.clone()),
    }
}

fn is_cfn(resource_type: &str) -> bool {
    resource_type.starts_with("AWS::")
}

/// Picks the CloudFormation or Terraform spelling of a path.
fn probe_either(resource_type: &str, props: &dyn Properties, cfn: &[&str], tf: &[&str]) -> Probe {
    if is_cfn(resource_type) {
        props.probe(cfn)
    } else {
        props.probe(tf)
    }
}

/// True when `resource_type` is the CloudFormation or the Terraform type given.
fn is_type(resource_type: &str, cfn: &str, tf: &str) -> bool {
    resource_type == cfn || resource_type == tf
}

/// A probe as trimmed text, treating an empty string as absent.
fn text_of(probe: &Probe) -> Option<&str> {
    match probe {
        Probe::Text(t) if !t.trim().is_empty() => Some(t.trim()),
        _ => None,
    }
}

fn is_set(probe: &Probe) -> bool {
    match probe {
        Probe::Absent => false,
        Probe::Text(t) => !t.trim().is_empty(),
        _ => true,
    }
}

/// An unresolvable deciding value, with what was being read.
fn unknown_value(what: &str, probe: &Probe) -> CategoryDecision {
    match probe {
        Probe::Unknown(why) => {
            CategoryDecision::unknown(format!("{what} is not known statically: {why}"))
        }
        Probe::Present => CategoryDecision::unknown(format!(
            "{what} is a list, map or reference that cannot be read statically"
        )),
        Probe::Text(t) => {
            CategoryDecision::unknown(format!("{what} has an unrecognised value {t:?}"))
        }
        Probe::Absent => CategoryDecision::unknown(format!("{what} is missing and has no default")),
    }
}

fn fixed(category: Category, reason: impl Into<String>) -> CategoryDecision {
    CategoryDecision::fixed(category, reason)
}

use Category::{Abstracted, Container, Infrastructure};

pub(crate) static RULES: &[CategoryRule] = &[
    CategoryRule {
        service: "ecs",
        doc: "ECS services and task definitions follow their launch type (LaunchType, RequiresCompatibilities / launch_type, requires_compatibilities): EC2 and EXTERNAL (ECS Anywhere) are infrastructure, because you patch the container instances and the agent; FARGATE and MANAGED_INSTANCES are container, because AWS patches the hosts. A capacity provider strategy of FARGATE/FARGATE_SPOT is container; any other provider decides by its kind, which onus cannot see from the service (unknown). With neither launch type nor strategy ECS uses EC2, unless the cluster has a default strategy. Capacity providers: AutoScalingGroupProvider is infrastructure, ManagedInstancesProvider container. Clusters and other ECS types stay container: AWS runs the control plane.",
        decide: decide_ecs,
    },
    CategoryRule {
        service: "eks",
        doc: "EKS: AWS runs the control plane, so clusters are container; with Auto Mode (ComputeConfig.Enabled / compute_config.enabled = true) AWS also patches the nodes. Managed node groups (AWS::EKS::Nodegroup / aws_eks_node_group) are infrastructure: AWS builds the AMI but you must trigger node updates, and you can reach the node OS. Fargate profiles are container: AWS patches the hosts. Self-managed nodes are EC2 Auto Scaling groups and follow EC2.",
        decide: decide_eks,
    },
    CategoryRule {
        service: "batch",
        doc: "Batch compute environments: Type UNMANAGED is infrastructure (you run the instances); MANAGED follows ComputeResources.Type / compute_resources.type: EC2 and SPOT are infrastructure (Batch launches instances from an AMI you keep current), FARGATE and FARGATE_SPOT are container. Job definitions follow PlatformCapabilities (default EC2). Job queues and other types are container: AWS runs the scheduler.",
        decide: decide_batch,
    },
    CategoryRule {
        service: "lambda",
        doc: "Lambda functions with a .zip package on a managed runtime whose runtime updates are Auto (the default) are abstracted: AWS patches the runtime. With RuntimeManagementConfig.UpdateRuntimeOn FunctionUpdate or Manual they are container: AWS builds the runtime patches but they apply only when you redeploy or change version, as with an engine version you upgrade. Container images (PackageType Image) and OS-only runtimes (provided.*) are infrastructure: you build and patch the runtime (and for images the OS layers) yourself. Functions on Lambda Managed Instances (CapacityProviderConfig, AWS::Lambda::CapacityProvider) are unknown: their split is not yet verified. In Terraform the update mode lives in aws_lambda_runtime_management_config, so aws_lambda_function alone shows the Auto default.",
        decide: decide_lambda,
    },
    CategoryRule {
        service: "emr",
        doc: "EMR clusters on the default AMI are container: with release 5.36+, 6.6+ or 7.0+ EMR folds current Amazon Linux updates into the AMI at launch. A custom AMI (CustomAmiId / custom_ami_id) is infrastructure: you patch that AMI. Older release labels stay container, but stop getting OS updates: relaunch on a current release. Other EMR types are container.",
        decide: decide_emr,
    },
    CategoryRule {
        service: "elasticbeanstalk",
        doc: "Elastic Beanstalk environments are container either way: AWS publishes platform versions. The option setting aws:elasticbeanstalk:managedactions / ManagedActionsEnabled (OptionSettings in CloudFormation, setting blocks in Terraform) decides who applies them: true lets Beanstalk apply patch and minor updates in a weekly window; false or absent leaves applying platform updates to you.",
        decide: decide_elasticbeanstalk,
    },
    CategoryRule {
        service: "lightsail",
        doc: "Lightsail follows the resource type: instances, their disks, static IPs and key pairs are infrastructure (you run the OS); databases and container services are container (AWS runs the OS and engine); buckets, distributions, load balancers, certificates, domains and alarms are abstracted.",
        decide: decide_lightsail,
    },
    CategoryRule {
        service: "sagemaker",
        doc: "SageMaker notebook instances with root access (RootAccess / root_access Enabled, the default) are infrastructure: you can change the OS and must keep it patched; with root access disabled they are container. HyperPod clusters (AWS::SageMaker::Cluster) are infrastructure: you patch the node AMIs. Endpoints, models, training and processing jobs, domains and spaces are container: AWS runs the hosts, you supply the model containers.",
        decide: decide_sagemaker,
    },
    CategoryRule {
        service: "codebuild",
        doc: "CodeBuild projects on an AWS-curated image (Environment.Image / environment.image starting with aws/codebuild/) are abstracted: AWS patches the build image. A custom image is infrastructure: you build and patch it. Reserved-capacity fleets with a custom AMI (ImageId / image_id) are infrastructure; other fleets abstracted.",
        decide: decide_codebuild,
    },
    CategoryRule {
        service: "pcs",
        doc: "Parallel Computing Service: AWS runs the Slurm controller, so clusters and queues are container; compute node groups launch EC2 instances from your AMIs and are infrastructure.",
        decide: decide_pcs,
    },
    CategoryRule {
        service: "deadline",
        doc: "Deadline Cloud fleets: Configuration.ServiceManagedEc2 is container (AWS runs and patches the workers); Configuration.CustomerManaged is infrastructure (you run the worker hosts). Farms, queues and other types are container.",
        decide: decide_deadline,
    },
    CategoryRule {
        service: "elasticache",
        doc: "ElastiCache is container either way: node-based clusters and replication groups have an engine version and maintenance window you choose; serverless caches (AWS::ElastiCache::ServerlessCache / aws_elasticache_serverless_cache) have neither, and are always encrypted.",
        decide: decide_elasticache,
    },
    CategoryRule {
        service: "msk",
        doc: "MSK is container either way: provisioned clusters have brokers you size and a Kafka version you upgrade; serverless clusters (AWS::MSK::ServerlessCluster / aws_msk_serverless_cluster) have no brokers, and use IAM authentication and encryption always.",
        decide: decide_msk,
    },
];

fn decide_ecs(service: &Service, resource_type: &str, props: &dyn Properties) -> CategoryDecision {
    if is_type(
        resource_type,
        "AWS::ECS::CapacityProvider",
        "aws_ecs_capacity_provider",
    ) {
        let asg = probe_either(
            resource_type,
            props,
            &["AutoScalingGroupProvider"],
            &["auto_scaling_group_provider"],
        );
        let managed = probe_either(
            resource_type,
            props,
            &["ManagedInstancesProvider"],
            &["managed_instances_provider"],
        );
        return match (is_set(&asg), is_set(&managed)) {
            (true, false) => fixed(
                Infrastructure,
                "Auto Scaling group capacity provider: you patch the container instances and the agent",
            ),
            (false, true) => fixed(
                Container,
                "ECS Managed Instances capacity provider: AWS provisions and patches the instances",
            ),
            _ => CategoryDecision::unknown(
                "capacity provider has neither (or both) AutoScalingGroupProvider and ManagedInstancesProvider",
            ),
        };
    }
    let launch_type = if is_type(resource_type, "AWS::ECS::Service", "aws_ecs_service") {
        probe_either(resource_type, props, &["LaunchType"], &["launch_type"])
    } else if is_type(
        resource_type,
        "AWS::ECS::TaskDefinition",
        "aws_ecs_task_definition",
    ) {
        match probe_either(
            resource_type,
            props,
            &["RequiresCompatibilities"],
            &["requires_compatibilities"],
        ) {
            Probe::Present => {
                return CategoryDecision::unknown(
                    "the task definition is compatible with several launch types; the service that runs it decides",
                );
            }
            Probe::Absent => {
                return fixed(
                    Infrastructure,
                    "no RequiresCompatibilities: the task definition is for EC2, whose container instances you patch",
                );
            }
            other => other,
        }
    } else {
        return fixed(
            service.category,
            "AWS runs the ECS control plane; the capacity behind services and tasks decides their category",
        );
    };
    match launch_type {
        Probe::Text(t) => launch_category(&t),
        Probe::Absent => ecs_strategy(resource_type, props),
        other => unknown_value("the launch type", &other),
    }
}

fn ecs_strategy(resource_type: &str, props: &dyn Properties) -> CategoryDecision {
    let (cfn, tf) = (["CapacityProviderStrategy"], ["capacity_provider_strategy"]);
    let (cfn_name, tf_name) = ("CapacityProvider", "capacity_provider");
    let strategy = probe_either(resource_type, props, &cfn, &tf);
    if !is_set(&strategy) {
        return fixed(
            Infrastructure,
            "no launch type or capacity provider strategy: ECS defaults to EC2, whose container instances you patch (unless the cluster sets a default strategy)",
        );
    }
    let path: &[&str] = if is_cfn(resource_type) { &cfn } else { &tf };
    let field = if is_cfn(resource_type) {
        cfn_name
    } else {
        tf_name
    };
    let names: Vec<Probe> = match props.items(path) {
        Some(items) => items.iter().map(|i| i.probe(&[field])).collect(),
        None => vec![props.probe(&[path[0], field])],
    };
    let all_fargate = !names.is_empty()
        && names.iter().all(|n| {
            text_of(n).is_some_and(|t| {
                t.eq_ignore_ascii_case("FARGATE") || t.eq_ignore_ascii_case("FARGATE_SPOT")
            })
        });
    if all_fargate {
        fixed(
            Container,
            "capacity provider strategy uses FARGATE/FARGATE_SPOT: AWS runs and patches the hosts",
        )
    } else {
        CategoryDecision::unknown(
            "placement comes from a capacity provider strategy; the providers' kind (Auto Scaling group or managed instances) decides the category",
        )
    }
}

fn launch_category(launch_type: &str) -> CategoryDecision {
    match launch_type.to_ascii_uppercase().as_str() {
        "FARGATE" => fixed(
            Container,
            "launch type FARGATE: AWS runs and patches the hosts",
        ),
        "MANAGED_INSTANCES" => fixed(
            Container,
            "launch type MANAGED_INSTANCES: AWS patches the EC2 instances",
        ),
        "EC2" => fixed(
            Infrastructure,
            "launch type EC2: you patch the container instances and the agent",
        ),
        "EXTERNAL" => fixed(
            Infrastructure,
            "launch type EXTERNAL (ECS Anywhere): your own hardware and OS",
        ),
        other => CategoryDecision::unknown(format!("unrecognised launch type {other:?}")),
    }
}

fn decide_eks(_: &Service, resource_type: &str, props: &dyn Properties) -> CategoryDecision {
    if is_type(resource_type, "AWS::EKS::Nodegroup", "aws_eks_node_group") {
        return fixed(
            Infrastructure,
            "managed node group: AWS builds the AMI, but you trigger node updates and can reach the node OS",
        );
    }
    if is_type(
        resource_type,
        "AWS::EKS::FargateProfile",
        "aws_eks_fargate_profile",
    ) {
        return fixed(
            Container,
            "Fargate profile: AWS runs and patches the hosts of matching pods",
        );
    }
    if is_type(resource_type, "AWS::EKS::Cluster", "aws_eks_cluster") {
        let auto = probe_either(
            resource_type,
            props,
            &["ComputeConfig", "Enabled"],
            &["compute_config", "enabled"],
        );
        return match text_of(&auto).map(str::to_ascii_lowercase).as_deref() {
            Some("true") => fixed(
                Container,
                "Auto Mode: AWS runs the control plane and provisions, patches and replaces the nodes",
            ),
            Some("false") | None if !matches!(auto, Probe::Unknown(_) | Probe::Present) => fixed(
                Container,
                "AWS runs the control plane; your nodes (node groups, Fargate profiles, self-managed) have their own category",
            ),
            _ => fixed(
                Container,
                "AWS runs the control plane; whether Auto Mode also runs the nodes is not known statically",
            ),
        };
    }
    fixed(Container, "part of the EKS control plane, which AWS runs")
}

fn decide_batch(
    service: &Service,
    resource_type: &str,
    props: &dyn Properties,
) -> CategoryDecision {
    if is_type(
        resource_type,
        "AWS::Batch::JobDefinition",
        "aws_batch_job_definition",
    ) {
        let caps = probe_either(
            resource_type,
            props,
            &["PlatformCapabilities"],
            &["platform_capabilities"],
        );
        return match &caps {
            Probe::Absent => fixed(
                Infrastructure,
                "no PlatformCapabilities: the job runs on EC2 compute, whose instances you keep patched",
            ),
            Probe::Text(t) if t.eq_ignore_ascii_case("FARGATE") => fixed(
                Container,
                "platform capability FARGATE: AWS runs and patches the hosts",
            ),
            Probe::Text(t) if t.eq_ignore_ascii_case("EC2") => fixed(
                Infrastructure,
                "platform capability EC2: the job runs on instances you keep patched",
            ),
            other => unknown_value("PlatformCapabilities", other),
        };
    }
    if !is_type(
        resource_type,
        "AWS::Batch::ComputeEnvironment",
        "aws_batch_compute_environment",
    ) {
        return fixed(
            service.category,
            "AWS runs the Batch scheduler; compute environments decide where jobs run",
        );
    }
    let env_type = probe_either(resource_type, props, &["Type"], &["type"]);
    match text_of(&env_type).map(str::to_ascii_uppercase).as_deref() {
        Some("UNMANAGED") => {
            return fixed(
                Infrastructure,
                "unmanaged compute environment: you run and patch the instances",
            );
        }
        Some("MANAGED") => {}
        _ => return unknown_value("the compute environment Type", &env_type),
    }
    let compute = probe_either(
        resource_type,
        props,
        &["ComputeResources", "Type"],
        &["compute_resources", "type"],
    );
    match text_of(&compute).map(str::to_ascii_uppercase).as_deref() {
        Some("EC2" | "SPOT") => fixed(
            Infrastructure,
            "managed EC2/SPOT compute: Batch launches instances from an AMI it does not update; keeping it patched is yours",
        ),
        Some("FARGATE" | "FARGATE_SPOT") => fixed(
            Container,
            "managed Fargate compute: AWS runs and patches the hosts",
        ),
        _ => unknown_value("ComputeResources.Type", &compute),
    }
}

fn decide_lambda(_: &Service, resource_type: &str, props: &dyn Properties) -> CategoryDecision {
    if resource_type == "AWS::Lambda::CapacityProvider"
        || resource_type.starts_with("aws_lambda_capacity_provider")
    {
        return CategoryDecision::unknown(
            "Lambda Managed Instances run functions on EC2 capacity in your account; the patching split is not yet verified",
        );
    }
    if is_type(
        resource_type,
        "AWS::Lambda::Function",
        "aws_lambda_function",
    ) {
        let package = probe_either(resource_type, props, &["PackageType"], &["package_type"]);
        match text_of(&package) {
            Some(t) if t.eq_ignore_ascii_case("Image") => {
                return fixed(
                    Infrastructure,
                    "container image: you rebuild and redeploy to patch its OS layers and runtime; AWS runs the host",
                );
            }
            Some(t) if t.eq_ignore_ascii_case("Zip") => {}
            None if !is_set(&package) => {}
            _ => return unknown_value("PackageType", &package),
        }
        let capacity = probe_either(
            resource_type,
            props,
            &["CapacityProviderConfig"],
            &["capacity_provider_config"],
        );
        if is_set(&capacity) {
            return CategoryDecision::unknown(
                "runs on Lambda Managed Instances (CapacityProviderConfig); the patching split is not yet verified",
            );
        }
        let runtime = probe_either(resource_type, props, &["Runtime"], &["runtime"]);
        match &runtime {
            Probe::Text(t) if t.trim().to_ascii_lowercase().starts_with("provided") => {
                return fixed(
                    Infrastructure,
                    "OS-only runtime (provided.*): the runtime you ship in the package is yours to patch",
                );
            }
            Probe::Unknown(_) | Probe::Present => return unknown_value("Runtime", &runtime),
            _ => {}
        }
        let mode = props.probe(&["RuntimeManagementConfig", "UpdateRuntimeOn"]);
        return update_mode(&mode);
    }
    if resource_type == "aws_lambda_runtime_management_config" {
        return update_mode(&props.probe(&["update_runtime_on"]));
    }
    fixed(
        Abstracted,
        "AWS runs the Lambda service; functions decide their own runtime patching",
    )
}

fn update_mode(mode: &Probe) -> CategoryDecision {
    match text_of(mode).map(str::to_ascii_lowercase).as_deref() {
        None if !is_set(mode) => fixed(
            Abstracted,
            ".zip package on a managed runtime with Auto runtime updates (the default): AWS patches the runtime",
        ),
        Some("auto") => fixed(
            Abstracted,
            "runtime updates Auto: AWS patches the managed runtime",
        ),
        Some("functionupdate") => fixed(
            Container,
            "runtime updates FunctionUpdate: AWS builds runtime patches, but they apply only when you update the function",
        ),
        Some("manual") => fixed(
            Container,
            "runtime updates Manual: the runtime version is pinned; moving to patched versions is yours",
        ),
        _ => unknown_value("RuntimeManagementConfig.UpdateRuntimeOn", mode),
    }
}

/// True for EMR release labels older than the ones that take Amazon Linux
/// updates into the default AMI (5.36, 6.6, 7.0).
fn emr_release_is_old(label: &str) -> Option<bool> {
    let version = label.trim().strip_prefix("emr-")?;
    let mut parts = version.split('.').map(|p| p.parse::<u32>().ok());
    let major = parts.next()??;
    let minor = parts.next().flatten().unwrap_or(0);
    Some(match major {
        0..=4 => true,
        5 => minor < 36,
        6 => minor < 6,
        _ => false,
    })
}

fn decide_emr(_: &Service, resource_type: &str, props: &dyn Properties) -> CategoryDecision {
    if !is_type(resource_type, "AWS::EMR::Cluster", "aws_emr_cluster") {
        return fixed(
            Container,
            "part of an EMR cluster's configuration; AWS runs the cluster platform",
        );
    }
    let ami = probe_either(resource_type, props, &["CustomAmiId"], &["custom_ami_id"]);
    match &ami {
        Probe::Text(t) if !t.trim().is_empty() => {
            return fixed(
                Infrastructure,
                "custom AMI: you build and patch the cluster's operating system image",
            );
        }
        Probe::Unknown(_) | Probe::Present => return unknown_value("CustomAmiId", &ami),
        _ => {}
    }
    let release = probe_either(resource_type, props, &["ReleaseLabel"], &["release_label"]);
    match text_of(&release).and_then(emr_release_is_old) {
        Some(true) => fixed(
            Container,
            "default AMI, but this release predates automatic Amazon Linux updates: relaunch on 5.36+, 6.6+ or 7.0+ to get OS patches",
        ),
        _ => fixed(
            Container,
            "default AMI: EMR applies current Amazon Linux updates when it launches the cluster",
        ),
    }
}

fn decide_elasticbeanstalk(
    service: &Service,
    resource_type: &str,
    props: &dyn Properties,
) -> CategoryDecision {
    let with_settings = is_type(
        resource_type,
        "AWS::ElasticBeanstalk::Environment",
        "aws_elastic_beanstalk_environment",
    ) || is_type(
        resource_type,
        "AWS::ElasticBeanstalk::ConfigurationTemplate",
        "aws_elastic_beanstalk_configuration_template",
    );
    if !with_settings {
        return fixed(
            service.category,
            "AWS runs the Beanstalk platform; application code and versions are yours",
        );
    }
    const NS: &str = "aws:elasticbeanstalk:managedactions";
    const NAME: &str = "ManagedActionsEnabled";
    let (list, ns_key, name_key, value_key) = if is_cfn(resource_type) {
        ("OptionSettings", "Namespace", "OptionName", "Value")
    } else {
        ("setting", "namespace", "name", "value")
    };
    let matches = |item: &dyn Properties| {
        text_of(&item.probe(&[ns_key])).is_some_and(|n| n == NS)
            && text_of(&item.probe(&[name_key])).is_some_and(|n| n == NAME)
    };
    let value: Option<Probe> = match props.items(&[list]) {
        Some(items) => items
            .iter()
            .find(|i| matches(i.as_ref()))
            .map(|i| i.probe(&[value_key])),
        None => match props.probe(&[list]) {
            Probe::Absent => None,
            // One element, looked through by probe.
            _ if text_of(&props.probe(&[list, ns_key])).is_some() => {
                if text_of(&props.probe(&[list, ns_key])) == Some(NS)
                    && text_of(&props.probe(&[list, name_key])) == Some(NAME)
                {
                    Some(props.probe(&[list, value_key]))
                } else {
                    None
                }
            }
            _ => {
                return fixed(
                    Container,
                    "AWS publishes platform updates; the option settings could not be read, so whether Beanstalk applies them (managed platform updates) is unknown: if not, applying them is yours",
                );
            }
        },
    };
    match value
        .as_ref()
        .and_then(|v| text_of(v))
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("true") => fixed(
            Container,
            "managed platform updates on: Beanstalk applies patch and minor platform updates in your weekly window",
        ),
        Some("false") => fixed(
            Container,
            "managed platform updates off: AWS publishes platform updates, applying them is your duty",
        ),
        None if value.is_none() || value == Some(Probe::Absent) => fixed(
            Container,
            "managed platform updates not enabled (ManagedActionsEnabled absent): AWS publishes platform updates, applying them is your duty",
        ),
        _ => fixed(
            Container,
            "AWS publishes platform updates; ManagedActionsEnabled is not known statically: if it is off, applying them is yours",
        ),
    }
}

fn decide_lightsail(_: &Service, resource_type: &str, _: &dyn Properties) -> CategoryDecision {
    let tail = resource_type
        .strip_prefix("AWS::Lightsail::")
        .or_else(|| resource_type.strip_prefix("aws_lightsail_"))
        .unwrap_or(resource_type)
        .to_ascii_lowercase()
        .replace('_', "");
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| tail.starts_with(p));
    if starts(&["instance", "disk", "staticip", "keypair"]) {
        fixed(
            Infrastructure,
            "Lightsail instance resource: you run and patch the OS",
        )
    } else if starts(&["database", "container"]) {
        fixed(
            Container,
            "Lightsail database or container service: AWS runs the OS and platform",
        )
    } else if starts(&[
        "bucket",
        "distribution",
        "loadbalancer",
        "lb",
        "certificate",
        "domain",
        "alarm",
    ]) {
        fixed(
            Abstracted,
            "Lightsail managed endpoint: nothing for you to size or patch",
        )
    } else {
        CategoryDecision::unknown(format!(
            "Lightsail resource type {resource_type} is not classified"
        ))
    }
}

fn decide_sagemaker(_: &Service, resource_type: &str, props: &dyn Properties) -> CategoryDecision {
    if is_type(
        resource_type,
        "AWS::SageMaker::NotebookInstance",
        "aws_sagemaker_notebook_instance",
    ) {
        let root = probe_either(resource_type, props, &["RootAccess"], &["root_access"]);
        return match text_of(&root).map(str::to_ascii_lowercase).as_deref() {
            None if !is_set(&root) => fixed(
                Infrastructure,
                "root access is enabled by default: you can change the notebook's OS and must keep it patched",
            ),
            Some("enabled") => fixed(
                Infrastructure,
                "root access enabled: you can change the notebook's OS and must keep it patched",
            ),
            Some("disabled") => fixed(
                Container,
                "root access disabled: AWS maintains the notebook's OS and platform",
            ),
            _ => unknown_value("RootAccess", &root),
        };
    }
    if is_type(
        resource_type,
        "AWS::SageMaker::Cluster",
        "aws_sagemaker_cluster",
    ) {
        return fixed(
            Infrastructure,
            "HyperPod cluster: you patch the node AMIs and software",
        );
    }
    fixed(
        Container,
        "AWS runs the hosts; you supply model containers and code",
    )
}

fn decide_codebuild(_: &Service, resource_type: &str, props: &dyn Properties) -> CategoryDecision {
    if is_type(
        resource_type,
        "AWS::CodeBuild::Project",
        "aws_codebuild_project",
    ) {
        let image = probe_either(
            resource_type,
            props,
            &["Environment", "Image"],
            &["environment", "image"],
        );
        return match text_of(&image) {
            Some(t) if t.starts_with("aws/codebuild/") => {
                fixed(Abstracted, "AWS-curated build image: AWS patches it")
            }
            Some(_) => fixed(Infrastructure, "custom build image: you build and patch it"),
            None => unknown_value("Environment.Image", &image),
        };
    }
    if is_type(
        resource_type,
        "AWS::CodeBuild::Fleet",
        "aws_codebuild_fleet",
    ) {
        let ami = probe_either(resource_type, props, &["ImageId"], &["image_id"]);
        return match &ami {
            Probe::Absent => fixed(Abstracted, "fleet on AWS-managed images: AWS patches them"),
            Probe::Text(t) if t.trim().is_empty() => {
                fixed(Abstracted, "fleet on AWS-managed images: AWS patches them")
            }
            Probe::Text(_) => fixed(
                Infrastructure,
                "fleet on a custom AMI: you build and patch it",
            ),
            other => unknown_value("ImageId", other),
        };
    }
    fixed(Abstracted, "AWS runs the CodeBuild service")
}

fn decide_pcs(_: &Service, resource_type: &str, _: &dyn Properties) -> CategoryDecision {
    if is_type(
        resource_type,
        "AWS::PCS::ComputeNodeGroup",
        "aws_pcs_compute_node_group",
    ) {
        fixed(
            Infrastructure,
            "compute node group: EC2 instances from your AMI, which you patch",
        )
    } else {
        fixed(Container, "AWS runs the Slurm controller")
    }
}

fn decide_deadline(_: &Service, resource_type: &str, props: &dyn Properties) -> CategoryDecision {
    if resource_type != "AWS::Deadline::Fleet" {
        return fixed(Container, "AWS runs the Deadline Cloud scheduler");
    }
    let service_managed = props.probe(&["Configuration", "ServiceManagedEc2"]);
    let customer_managed = props.probe(&["Configuration", "CustomerManaged"]);
    match (is_set(&service_managed), is_set(&customer_managed)) {
        (true, false) => fixed(
            Container,
            "service-managed fleet: AWS runs and patches the workers",
        ),
        (false, true) => fixed(
            Infrastructure,
            "customer-managed fleet: you run and patch the worker hosts",
        ),
        _ => CategoryDecision::unknown(
            "fleet Configuration is neither clearly ServiceManagedEc2 nor CustomerManaged",
        ),
    }
}

fn decide_elasticache(_: &Service, resource_type: &str, _: &dyn Properties) -> CategoryDecision {
    if is_type(
        resource_type,
        "AWS::ElastiCache::ServerlessCache",
        "aws_elasticache_serverless_cache",
    ) {
        fixed(
            Container,
            "serverless cache: AWS runs and patches it with no maintenance window; always encrypted; still in your VPC behind your security groups",
        )
    } else {
        fixed(
            Container,
            "node-based cache: AWS patches the engine in the maintenance window you choose",
        )
    }
}

fn decide_msk(_: &Service, resource_type: &str, _: &dyn Properties) -> CategoryDecision {
    if is_type(
        resource_type,
        "AWS::MSK::ServerlessCluster",
        "aws_msk_serverless_cluster",
    ) {
        fixed(
            Container,
            "serverless cluster: no brokers to size; IAM authentication and encryption always on; still in your VPC",
        )
    } else {
        fixed(
            Container,
            "provisioned cluster: you size brokers and upgrade the Kafka version; AWS patches them",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_properties_probe() {
        let p = MapProperties::new()
            .with("A.B", "x")
            .with_probe("U", Probe::Unknown("var.u".into()))
            .with_list("L", vec![MapProperties::new().with("K", "v")])
            .with_list(
                "M",
                vec![MapProperties::new().with("K", "1"), MapProperties::new()],
            );
        assert_eq!(p.probe(&["A", "B"]), Probe::Text("x".into()));
        assert_eq!(p.probe(&["A"]), Probe::Present);
        assert_eq!(p.probe(&["U"]), Probe::Unknown("var.u".into()));
        assert_eq!(p.probe(&["Z"]), Probe::Absent);
        // One-element lists are looked through; longer ones are not.
        assert_eq!(p.probe(&["L", "K"]), Probe::Text("v".into()));
        assert_eq!(p.probe(&["M", "K"]), Probe::Absent);
        assert_eq!(p.probe(&["M"]), Probe::Present);
        assert_eq!(p.items(&["M"]).map(|i| i.len()), Some(2));
        assert!(p.items(&["A"]).is_none());
        assert!(NoProperties.items(&["M"]).is_none());
    }

    #[test]
    fn every_rule_names_a_catalog_service() {
        let catalog = crate::Catalog::get();
        for rule in RULES {
            assert!(
                catalog.find_service(rule.service).is_some(),
                "rule for unknown service {}",
                rule.service
            );
        }
    }

    #[test]
    fn emr_release_labels() {
        assert_eq!(emr_release_is_old("emr-5.35.0"), Some(true));
        assert_eq!(emr_release_is_old("emr-5.36.1"), Some(false));
        assert_eq!(emr_release_is_old("emr-6.5.0"), Some(true));
        assert_eq!(emr_release_is_old("emr-6.6.0"), Some(false));
        assert_eq!(emr_release_is_old("emr-7.0.0"), Some(false));
        assert_eq!(emr_release_is_old("emr-4.9.6"), Some(true));
        assert_eq!(emr_release_is_old("7.0"), None);
    }
}
