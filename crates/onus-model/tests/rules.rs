//! Every category rule's branches, through the public API as the readers use it:
//! `service_for_type(type)` then `category_for(type, properties)`.

use onus_model::decide::MapProperties;
use onus_model::{Catalog, Category, Probe};

use Category::{Abstracted as A, Container as C, Infrastructure as I};

fn decide(ty: &str, props: MapProperties) -> Option<Category> {
    let service = Catalog::get()
        .service_for_type(ty)
        .unwrap_or_else(|| panic!("{ty} not in catalog"));
    let d = service.category_for(ty, &props);
    assert!(!d.reason.is_empty(), "{ty}: empty reason");
    d.category
}

fn p() -> MapProperties {
    MapProperties::new()
}

fn unknown(why: &str) -> Probe {
    Probe::Unknown(why.into())
}

#[test]
fn ecs() {
    for (ty, key) in [
        ("AWS::ECS::Service", "LaunchType"),
        ("aws_ecs_service", "launch_type"),
    ] {
        assert_eq!(decide(ty, p().with(key, "FARGATE")), Some(C));
        assert_eq!(decide(ty, p().with(key, "MANAGED_INSTANCES")), Some(C));
        assert_eq!(decide(ty, p().with(key, "EC2")), Some(I));
        assert_eq!(decide(ty, p().with(key, "EXTERNAL")), Some(I));
        assert_eq!(decide(ty, p().with(key, "WHATEVER")), None);
        assert_eq!(decide(ty, p().with_probe(key, unknown("var.lt"))), None);
        assert_eq!(decide(ty, p()), Some(I), "default EC2");
    }
    // Capacity provider strategies.
    let fargate = |name: &str| p().with("CapacityProvider", name);
    assert_eq!(
        decide(
            "AWS::ECS::Service",
            p().with_list(
                "CapacityProviderStrategy",
                vec![fargate("FARGATE"), fargate("FARGATE_SPOT")]
            )
        ),
        Some(C)
    );
    assert_eq!(
        decide(
            "AWS::ECS::Service",
            p().with_list(
                "CapacityProviderStrategy",
                vec![fargate("FARGATE"), fargate("my-asg-cp")]
            )
        ),
        None
    );
    assert_eq!(
        decide(
            "aws_ecs_service",
            p().with_list(
                "capacity_provider_strategy",
                vec![p().with("capacity_provider", "FARGATE_SPOT")]
            )
        ),
        Some(C)
    );
    // Task definitions.
    assert_eq!(
        decide(
            "AWS::ECS::TaskDefinition",
            p().with("RequiresCompatibilities", "FARGATE")
        ),
        Some(C)
    );
    assert_eq!(
        decide(
            "aws_ecs_task_definition",
            p().with("requires_compatibilities", "EC2")
        ),
        Some(I)
    );
    assert_eq!(decide("aws_ecs_task_definition", p()), Some(I));
    assert_eq!(
        decide(
            "AWS::ECS::TaskDefinition",
            p().with_probe("RequiresCompatibilities", Probe::Present)
        ),
        None,
        "several launch types"
    );
    // Capacity providers.
    assert_eq!(
        decide(
            "AWS::ECS::CapacityProvider",
            p().with("AutoScalingGroupProvider.AutoScalingGroupArn", "arn")
        ),
        Some(I)
    );
    assert_eq!(
        decide(
            "aws_ecs_capacity_provider",
            p().with("managed_instances_provider.infrastructure_role_arn", "arn")
        ),
        Some(C)
    );
    assert_eq!(decide("aws_ecs_capacity_provider", p()), None);
    // Control plane.
    assert_eq!(decide("AWS::ECS::Cluster", p()), Some(C));
}

#[test]
fn eks() {
    assert_eq!(
        decide(
            "AWS::EKS::Cluster",
            p().with("ComputeConfig.Enabled", "true")
        ),
        Some(C)
    );
    assert_eq!(
        decide(
            "aws_eks_cluster",
            p().with("compute_config.enabled", "false")
        ),
        Some(C)
    );
    assert_eq!(decide("aws_eks_cluster", p()), Some(C));
    assert_eq!(
        decide(
            "aws_eks_cluster",
            p().with_probe("compute_config.enabled", unknown("var.auto"))
        ),
        Some(C)
    );
    assert_eq!(decide("AWS::EKS::Nodegroup", p()), Some(I));
    assert_eq!(decide("aws_eks_node_group", p()), Some(I));
    assert_eq!(decide("AWS::EKS::FargateProfile", p()), Some(C));
    assert_eq!(decide("aws_eks_fargate_profile", p()), Some(C));
    assert_eq!(decide("aws_eks_addon", p()), Some(C));
}

#[test]
fn batch() {
    let ce = "AWS::Batch::ComputeEnvironment";
    assert_eq!(decide(ce, p().with("Type", "UNMANAGED")), Some(I));
    assert_eq!(
        decide(
            ce,
            p().with("Type", "MANAGED")
                .with("ComputeResources.Type", "EC2")
        ),
        Some(I)
    );
    assert_eq!(
        decide(
            ce,
            p().with("Type", "MANAGED")
                .with("ComputeResources.Type", "SPOT")
        ),
        Some(I)
    );
    assert_eq!(
        decide(
            ce,
            p().with("Type", "MANAGED")
                .with("ComputeResources.Type", "FARGATE")
        ),
        Some(C)
    );
    assert_eq!(
        decide(
            ce,
            p().with("Type", "MANAGED")
                .with("ComputeResources.Type", "FARGATE_SPOT")
        ),
        Some(C)
    );
    assert_eq!(
        decide(ce, p().with("Type", "MANAGED")),
        None,
        "required, missing"
    );
    assert_eq!(
        decide(
            ce,
            p().with("Type", "MANAGED")
                .with_probe("ComputeResources.Type", unknown("p"))
        ),
        None
    );
    assert_eq!(decide(ce, p()), None);
    let tf = "aws_batch_compute_environment";
    assert_eq!(
        decide(
            tf,
            p().with("type", "MANAGED")
                .with("compute_resources.type", "FARGATE")
        ),
        Some(C)
    );
    assert_eq!(decide(tf, p().with("type", "UNMANAGED")), Some(I));
    assert_eq!(
        decide(
            tf,
            p().with("type", "MANAGED")
                .with("compute_resources.type", "EC2")
        ),
        Some(I)
    );
    // Job definitions and queues.
    assert_eq!(
        decide(
            "AWS::Batch::JobDefinition",
            p().with("PlatformCapabilities", "FARGATE")
        ),
        Some(C)
    );
    assert_eq!(
        decide(
            "aws_batch_job_definition",
            p().with("platform_capabilities", "EC2")
        ),
        Some(I)
    );
    assert_eq!(decide("aws_batch_job_definition", p()), Some(I));
    assert_eq!(decide("AWS::Batch::JobQueue", p()), Some(C));
}

#[test]
fn lambda() {
    let f = "AWS::Lambda::Function";
    assert_eq!(decide(f, p().with("Runtime", "python3.13")), Some(A));
    assert_eq!(
        decide(
            f,
            p().with("PackageType", "Zip").with("Runtime", "nodejs22.x")
        ),
        Some(A)
    );
    assert_eq!(
        decide(
            f,
            p().with("RuntimeManagementConfig.UpdateRuntimeOn", "Auto")
        ),
        Some(A)
    );
    assert_eq!(
        decide(
            f,
            p().with("RuntimeManagementConfig.UpdateRuntimeOn", "FunctionUpdate")
        ),
        Some(C)
    );
    assert_eq!(
        decide(
            f,
            p().with("RuntimeManagementConfig.UpdateRuntimeOn", "Manual")
        ),
        Some(C)
    );
    assert_eq!(
        decide(
            f,
            p().with_probe("RuntimeManagementConfig.UpdateRuntimeOn", unknown("param"))
        ),
        None
    );
    assert_eq!(decide(f, p().with("PackageType", "Image")), Some(I));
    assert_eq!(decide(f, p().with("Runtime", "provided.al2023")), Some(I));
    assert_eq!(
        decide(f, p().with_probe("PackageType", unknown("param"))),
        None
    );
    assert_eq!(decide(f, p().with_probe("Runtime", unknown("param"))), None);
    assert_eq!(decide(f, p().with("CapacityProviderConfig.LambdaManagedInstancesCapacityProviderConfig.CapacityProviderArn", "arn")), None);
    assert_eq!(decide("AWS::Lambda::CapacityProvider", p()), None);
    let tf = "aws_lambda_function";
    assert_eq!(decide(tf, p().with("package_type", "Image")), Some(I));
    assert_eq!(decide(tf, p().with("runtime", "provided.al2")), Some(I));
    assert_eq!(decide(tf, p().with("runtime", "java21")), Some(A));
    assert_eq!(
        decide(
            "aws_lambda_runtime_management_config",
            p().with("update_runtime_on", "Manual")
        ),
        Some(C)
    );
    assert_eq!(
        decide(
            "aws_lambda_runtime_management_config",
            p().with("update_runtime_on", "FunctionUpdate")
        ),
        Some(C)
    );
    assert_eq!(decide("aws_lambda_runtime_management_config", p()), Some(A));
    assert_eq!(decide("aws_lambda_permission", p()), Some(A));
}

#[test]
fn emr() {
    let c = "AWS::EMR::Cluster";
    assert_eq!(decide(c, p().with("CustomAmiId", "ami-123")), Some(I));
    assert_eq!(decide(c, p().with("ReleaseLabel", "emr-7.2.0")), Some(C));
    assert_eq!(decide(c, p().with("ReleaseLabel", "emr-5.30.0")), Some(C));
    assert_eq!(decide(c, p()), Some(C));
    assert_eq!(
        decide(c, p().with_probe("CustomAmiId", unknown("param"))),
        None
    );
    assert_eq!(
        decide("aws_emr_cluster", p().with("custom_ami_id", "ami-1")),
        Some(I)
    );
    assert_eq!(
        decide("aws_emr_cluster", p().with("custom_ami_id", "")),
        Some(C)
    );
    assert_eq!(decide("aws_emr_security_configuration", p()), Some(C));
    // Old release labels are flagged in the reason.
    let s = Catalog::get().find_service("emr").unwrap();
    let old = s.category_for(c, &p().with("ReleaseLabel", "emr-6.2.0"));
    assert!(old.reason.contains("relaunch"), "{}", old.reason);
    let new = s.category_for(c, &p().with("ReleaseLabel", "emr-6.15.0"));
    assert!(!new.reason.contains("relaunch"), "{}", new.reason);
}

#[test]
fn elastic_beanstalk() {
    let s = Catalog::get().find_service("elasticbeanstalk").unwrap();
    let setting = |ns: &str, name: &str, value: &str| {
        p().with("Namespace", ns)
            .with("OptionName", name)
            .with("Value", value)
    };
    let env = "AWS::ElasticBeanstalk::Environment";
    let on = p().with_list(
        "OptionSettings",
        vec![
            setting(
                "aws:autoscaling:launchconfiguration",
                "InstanceType",
                "t3.micro",
            ),
            setting(
                "aws:elasticbeanstalk:managedactions",
                "ManagedActionsEnabled",
                "true",
            ),
        ],
    );
    let d = s.category_for(env, &on);
    assert_eq!(d.category, Some(C));
    assert!(
        d.reason.contains("managed platform updates on"),
        "{}",
        d.reason
    );
    let off = p().with_list(
        "OptionSettings",
        vec![setting(
            "aws:elasticbeanstalk:managedactions",
            "ManagedActionsEnabled",
            "false",
        )],
    );
    let d = s.category_for(env, &off);
    assert_eq!(d.category, Some(C));
    assert!(d.reason.contains("your duty"), "{}", d.reason);
    let d = s.category_for(env, &p());
    assert!(d.reason.contains("your duty"), "absent: {}", d.reason);
    // Terraform setting blocks.
    let tf = p().with_list(
        "setting",
        vec![
            p().with("namespace", "aws:elasticbeanstalk:managedactions")
                .with("name", "ManagedActionsEnabled")
                .with("value", "true"),
            p().with("namespace", "aws:ec2:vpc")
                .with("name", "VPCId")
                .with("value", "vpc-1"),
        ],
    );
    let d = s.category_for("aws_elastic_beanstalk_environment", &tf);
    assert!(
        d.reason.contains("managed platform updates on"),
        "{}",
        d.reason
    );
    let d = s.category_for(
        "aws_elastic_beanstalk_environment",
        &p().with_list(
            "setting",
            vec![
                p().with("namespace", "aws:elasticbeanstalk:managedactions")
                    .with("name", "ManagedActionsEnabled")
                    .with_probe("value", unknown("var.m")),
            ],
        ),
    );
    assert_eq!(d.category, Some(C));
    assert!(d.reason.contains("not known"), "{}", d.reason);
    assert_eq!(decide("AWS::ElasticBeanstalk::Application", p()), Some(C));
}

/// A `Properties` that cannot enumerate lists (the trait default), as a reader
/// that has not implemented `items` yet.
struct ProbeOnly(MapProperties);

impl onus_model::Properties for ProbeOnly {
    fn probe(&self, path: &[&str]) -> Probe {
        self.0.probe(path)
    }
}

#[test]
fn elastic_beanstalk_without_list_access() {
    let s = Catalog::get().find_service("elasticbeanstalk").unwrap();
    let one = ProbeOnly(p().with_list(
        "OptionSettings",
        vec![
                p().with("Namespace", "aws:elasticbeanstalk:managedactions")
                    .with("OptionName", "ManagedActionsEnabled")
                    .with("Value", "true"),
            ],
    ));
    let d = s.category_for("AWS::ElasticBeanstalk::Environment", &one);
    assert!(
        d.reason.contains("managed platform updates on"),
        "{}",
        d.reason
    );
    let many = ProbeOnly(p().with_list(
        "OptionSettings",
        vec![p().with("Namespace", "a"), p().with("Namespace", "b")],
    ));
    let d = s.category_for("AWS::ElasticBeanstalk::Environment", &many);
    assert_eq!(d.category, Some(C));
    assert!(d.reason.contains("could not be read"), "{}", d.reason);
}

#[test]
fn lightsail() {
    for (ty, cat) in [
        ("AWS::Lightsail::Instance", Some(I)),
        ("AWS::Lightsail::Disk", Some(I)),
        ("AWS::Lightsail::StaticIp", Some(I)),
        ("aws_lightsail_instance", Some(I)),
        ("aws_lightsail_key_pair", Some(I)),
        ("AWS::Lightsail::Database", Some(C)),
        ("AWS::Lightsail::Container", Some(C)),
        ("aws_lightsail_container_service", Some(C)),
        ("aws_lightsail_database", Some(C)),
        ("AWS::Lightsail::Bucket", Some(A)),
        ("AWS::Lightsail::Distribution", Some(A)),
        ("AWS::Lightsail::LoadBalancer", Some(A)),
        ("AWS::Lightsail::Certificate", Some(A)),
        ("aws_lightsail_lb", Some(A)),
        ("aws_lightsail_domain_entry", Some(A)),
        ("AWS::Lightsail::Mystery", None),
    ] {
        assert_eq!(decide(ty, p()), cat, "{ty}");
    }
}

#[test]
fn sagemaker() {
    let nb = "AWS::SageMaker::NotebookInstance";
    assert_eq!(decide(nb, p()), Some(I), "root access is on by default");
    assert_eq!(decide(nb, p().with("RootAccess", "Enabled")), Some(I));
    assert_eq!(decide(nb, p().with("RootAccess", "Disabled")), Some(C));
    assert_eq!(
        decide(nb, p().with_probe("RootAccess", unknown("param"))),
        None
    );
    assert_eq!(
        decide(
            "aws_sagemaker_notebook_instance",
            p().with("root_access", "Disabled")
        ),
        Some(C)
    );
    assert_eq!(decide("AWS::SageMaker::Cluster", p()), Some(I));
    assert_eq!(decide("AWS::SageMaker::Endpoint", p()), Some(C));
    assert_eq!(decide("aws_sagemaker_model", p()), Some(C));
}

#[test]
fn codebuild() {
    let pr = "AWS::CodeBuild::Project";
    assert_eq!(
        decide(
            pr,
            p().with("Environment.Image", "aws/codebuild/standard:7.0")
        ),
        Some(A)
    );
    assert_eq!(
        decide(
            pr,
            p().with(
                "Environment.Image",
                "123.dkr.ecr.us-east-1.amazonaws.com/build:1"
            )
        ),
        Some(I)
    );
    assert_eq!(
        decide(pr, p().with_probe("Environment.Image", unknown("param"))),
        None
    );
    assert_eq!(
        decide(
            "aws_codebuild_project",
            p().with(
                "environment.image",
                "aws/codebuild/amazonlinux-x86_64-standard:5.0"
            )
        ),
        Some(A)
    );
    assert_eq!(decide("AWS::CodeBuild::Fleet", p()), Some(A));
    assert_eq!(
        decide("AWS::CodeBuild::Fleet", p().with("ImageId", "ami-1")),
        Some(I)
    );
    assert_eq!(
        decide(
            "aws_codebuild_fleet",
            p().with_probe("image_id", unknown("var"))
        ),
        None
    );
    assert_eq!(decide("AWS::CodeBuild::ReportGroup", p()), Some(A));
}

#[test]
fn pcs_deadline_elasticache_msk() {
    assert_eq!(decide("AWS::PCS::ComputeNodeGroup", p()), Some(I));
    assert_eq!(decide("AWS::PCS::Cluster", p()), Some(C));
    assert_eq!(
        decide(
            "AWS::Deadline::Fleet",
            p().with(
                "Configuration.ServiceManagedEc2.InstanceCapabilities.VCpuCount.Min",
                "2"
            )
        ),
        Some(C)
    );
    assert_eq!(
        decide(
            "AWS::Deadline::Fleet",
            p().with("Configuration.CustomerManaged.Mode", "NO_SCALING")
        ),
        Some(I)
    );
    assert_eq!(decide("AWS::Deadline::Fleet", p()), None);
    assert_eq!(decide("AWS::Deadline::Farm", p()), Some(C));
    assert_eq!(decide("AWS::ElastiCache::ServerlessCache", p()), Some(C));
    assert_eq!(decide("aws_elasticache_replication_group", p()), Some(C));
    assert_eq!(decide("AWS::MSK::ServerlessCluster", p()), Some(C));
    assert_eq!(decide("aws_msk_cluster", p()), Some(C));
}

#[test]
fn services_without_rules_use_their_row() {
    assert_eq!(decide("AWS::RDS::DBInstance", p()), Some(C));
    assert_eq!(decide("aws_db_instance", p()), Some(C));
    assert_eq!(decide("AWS::EC2::Instance", p()), Some(I));
    assert_eq!(decide("AWS::S3::Bucket", p()), Some(A));
    assert_eq!(decide("AWS::OpenSearchService::Domain", p()), Some(C));
    assert_eq!(
        decide("AWS::OpenSearchServerless::Collection", p()),
        Some(A)
    );
}
