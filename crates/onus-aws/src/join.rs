//! Joins resources declared in code with deployed ones.
//!
//! CloudFormation: each template is matched with the stack that holds most of
//! its (logical id, type) pairs; the stack's resource list gives the physical
//! id. Resources no stack lists are matched by their `aws:cloudformation:*`
//! tags. Terraform: a state file (`terraform.tfstate`, or `terraform show
//! -json`) gives each address its id and ARN. Otherwise, and for both formats,
//! a literal name (`BucketName`, `bucket`, `function_name`) equal to the
//! deployed resource's id joins them.

use crate::scan::Stack;
use onus_ingest::{Format, Resource, Workload};
use std::collections::HashMap;

/// One declared resource and its deployed counterpart (indices into the
/// workload's resources).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    /// The declared resource.
    pub code: usize,
    /// Its deployed counterpart.
    pub live: usize,
    /// What joined them.
    pub how: How,
}

/// What joined them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// The stack's resource list (`ListStackResources`: logical id → physical id).
    Stack,
    /// The `aws:cloudformation:*` tags of the deployed resource.
    Tags,
    /// The Terraform state passed with `--tf-state`.
    State,
    /// A literal name or ARN in the code equal to the deployed one.
    Name,
}

impl How {
    /// How the report says it.
    pub fn as_str(self) -> &'static str {
        match self {
            How::Stack => "CloudFormation stack resource list",
            How::Tags => "aws:cloudformation tags",
            How::State => "Terraform state",
            How::Name => "name",
        }
    }
}

/// The code and the account joined.
#[derive(Debug, Clone, Default)]
pub struct Join {
    /// Declared resources with their deployed counterparts.
    pub pairs: Vec<Pair>,
    /// Deployed resources no scanned code declares (account settings left out).
    pub unmanaged: Vec<usize>,
    /// Template file → the stack it was matched with.
    pub stacks: Vec<(String, String)>,
}

/// Terraform address → (id, ARN), from a state file.
pub type TfState = HashMap<String, (Option<String>, Option<String>)>;

/// Address → (id, ARN) from a Terraform state (`terraform.tfstate` v4) or
/// `terraform show -json` output.
pub fn read_tf_state(text: &str) -> Result<TfState, String> {
    let json: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let mut out = HashMap::new();
    let attr =
        |v: &serde_json::Value, k: &str| v.get(k).and_then(|s| s.as_str()).map(str::to_owned);
    if let Some(resources) = json.get("resources").and_then(|r| r.as_array()) {
        // State v4: resources[] { module?, mode, type, name, instances[] { index_key?, attributes } }.
        for r in resources {
            if r.get("mode").and_then(|m| m.as_str()) != Some("managed") {
                continue;
            }
            let (Some(ty), Some(name)) = (attr(r, "type"), attr(r, "name")) else {
                continue;
            };
            let prefix = attr(r, "module")
                .map(|m| format!("{m}."))
                .unwrap_or_default();
            for inst in r
                .get("instances")
                .and_then(|i| i.as_array())
                .into_iter()
                .flatten()
            {
                let index = match inst.get("index_key") {
                    Some(serde_json::Value::String(k)) => format!("[\"{k}\"]"),
                    Some(serde_json::Value::Number(n)) => format!("[{n}]"),
                    _ => String::new(),
                };
                let a = &inst["attributes"];
                out.insert(
                    format!("{prefix}{ty}.{name}{index}"),
                    (attr(a, "id"), attr(a, "arn")),
                );
            }
        }
        return Ok(out);
    }
    // `terraform show -json`: values.root_module { resources[], child_modules[] }.
    fn walk(
        module: &serde_json::Value,
        out: &mut HashMap<String, (Option<String>, Option<String>)>,
    ) {
        for r in module
            .get("resources")
            .and_then(|r| r.as_array())
            .into_iter()
            .flatten()
        {
            if r.get("mode").and_then(|m| m.as_str()) != Some("managed") {
                continue;
            }
            let Some(address) = r.get("address").and_then(|a| a.as_str()) else {
                continue;
            };
            let v = &r["values"];
            let get = |k: &str| v.get(k).and_then(|s| s.as_str()).map(str::to_owned);
            out.insert(address.to_owned(), (get("id"), get("arn")));
        }
        for child in module
            .get("child_modules")
            .and_then(|c| c.as_array())
            .into_iter()
            .flatten()
        {
            walk(child, out);
        }
    }
    match json.get("values").and_then(|v| v.get("root_module")) {
        Some(root) => walk(root, &mut out),
        None => return Err("neither a state file (resources) nor `terraform show -json` output (values.root_module)".into()),
    }
    Ok(out)
}

/// The CloudFormation type a Terraform type is deployed as, for the types
/// the live scan reads.
pub fn cfn_type_of(tf: &str) -> Option<&'static str> {
    Some(match tf {
        "aws_s3_bucket" => "AWS::S3::Bucket",
        "aws_s3_bucket_policy" => "AWS::S3::BucketPolicy",
        "aws_instance" => "AWS::EC2::Instance",
        "aws_security_group" => "AWS::EC2::SecurityGroup",
        "aws_ebs_volume" => "AWS::EC2::Volume",
        "aws_vpc" => "AWS::EC2::VPC",
        "aws_subnet" => "AWS::EC2::Subnet",
        "aws_flow_log" => "AWS::EC2::FlowLog",
        "aws_db_instance" => "AWS::RDS::DBInstance",
        "aws_rds_cluster" => "AWS::RDS::DBCluster",
        "aws_iam_role" => "AWS::IAM::Role",
        "aws_iam_user" => "AWS::IAM::User",
        "aws_iam_policy" => "AWS::IAM::ManagedPolicy",
        "aws_iam_access_key" => "AWS::IAM::AccessKey",
        "aws_kms_key" => "AWS::KMS::Key",
        "aws_lambda_function" => "AWS::Lambda::Function",
        "aws_dynamodb_table" => "AWS::DynamoDB::Table",
        "aws_sqs_queue" => "AWS::SQS::Queue",
        "aws_sns_topic" => "AWS::SNS::Topic",
        "aws_cloudtrail" => "AWS::CloudTrail::Trail",
        "aws_lb" | "aws_alb" => "AWS::ElasticLoadBalancingV2::LoadBalancer",
        "aws_lb_listener" | "aws_alb_listener" => "AWS::ElasticLoadBalancingV2::Listener",
        "aws_ecs_cluster" => "AWS::ECS::Cluster",
        "aws_ecs_service" => "AWS::ECS::Service",
        "aws_ecs_task_definition" => "AWS::ECS::TaskDefinition",
        "aws_eks_cluster" => "AWS::EKS::Cluster",
        "aws_ecr_repository" => "AWS::ECR::Repository",
        "aws_cloudwatch_log_group" => "AWS::Logs::LogGroup",
        "aws_secretsmanager_secret" => "AWS::SecretsManager::Secret",
        "aws_backup_vault" => "AWS::Backup::BackupVault",
        "aws_backup_plan" => "AWS::Backup::BackupPlan",
        "aws_guardduty_detector" => "AWS::GuardDuty::Detector",
        "aws_config_configuration_recorder" => "AWS::Config::ConfigurationRecorder",
        "aws_accessanalyzer_analyzer" => "AWS::AccessAnalyzer::Analyzer",
        "aws_securityhub_account" => "AWS::SecurityHub::Hub",
        "aws_ebs_encryption_by_default" => "aws_ebs_encryption_by_default",
        "aws_s3_account_public_access_block" => "aws_s3_account_public_access_block",
        "aws_iam_account_password_policy" => "aws_iam_account_password_policy",
        _ => return None,
    })
}

/// The property holding a resource's physical name, CloudFormation then
/// Terraform spelling.
const NAME_PROPERTIES: &[&str] = &[
    "BucketName",
    "TableName",
    "FunctionName",
    "RoleName",
    "UserName",
    "ManagedPolicyName",
    "DBInstanceIdentifier",
    "DBClusterIdentifier",
    "QueueName",
    "TopicName",
    "TrailName",
    "Name",
    "ClusterName",
    "RepositoryName",
    "LogGroupName",
    "BackupVaultName",
    "GroupName",
    "AnalyzerName",
    "bucket",
    "name",
    "function_name",
    "identifier",
    "cluster_identifier",
    "repository_name",
];

fn literal_name(r: &Resource) -> Option<&str> {
    NAME_PROPERTIES
        .iter()
        .find_map(|k| r.properties.get(k).and_then(|n| n.as_str()))
}

/// A tag of a live resource (`Tags: [{Key, Value}]`).
fn tag<'a>(r: &'a Resource, key: &str) -> Option<&'a str> {
    r.properties
        .get("Tags")?
        .as_list()?
        .iter()
        .find(|t| t.get("Key").and_then(|k| k.as_str()) == Some(key))?
        .get("Value")?
        .as_str()
}

/// What [`join`] reads of a unit of code, and no more: each resource's
/// identity, file and literal name (the property trees, references and file
/// texts dropped), so a scan can keep every unit's part until the join.
pub fn keep_for_join(workload: &mut Workload) {
    use onus_ingest::Value;
    for r in &mut workload.resources {
        if let Value::Map(entries) = &mut r.properties.value {
            entries
                .retain(|e| NAME_PROPERTIES.contains(&e.key.as_str()) && e.node.as_str().is_some());
        }
        r.references = Vec::new();
        r.metadata = None;
    }
    for f in &mut workload.files {
        f.lines = onus_ingest::LineIndex::new(std::sync::Arc::from(""));
    }
}

/// Joins the workload's declared resources with its live ones.
pub fn join(workload: &Workload, stacks: &[Stack], tf_state: Option<&TfState>) -> Join {
    let resources = &workload.resources;
    let live: Vec<usize> = (0..resources.len())
        .filter(|&i| resources[i].format.is_live())
        .collect();
    // (type, key) → live resource; keys: id, ARN, last segment of a URL or ARN.
    let mut by_key: HashMap<(&str, &str), usize> = HashMap::new();
    let mut by_any_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in &live {
        let r = &resources[i];
        let arn = workload.file(r.file).path.to_str().unwrap_or_default();
        for key in [r.id.as_str(), arn] {
            by_key.entry((r.resource_type.as_str(), key)).or_insert(i);
            by_any_key.entry(key).or_default().push(i);
        }
    }
    let find = |ty: &str, physical: &str| -> Option<usize> {
        let last = physical.rsplit(['/', ':']).next().unwrap_or(physical);
        by_key
            .get(&(ty, physical))
            .or_else(|| by_key.get(&(ty, last)))
            .copied()
    };
    let mut out = Join::default();
    let mut taken = vec![false; resources.len()];
    let pair = |out: &mut Join, code: usize, live: usize, how: How, taken: &mut Vec<bool>| {
        if !taken[live] {
            taken[live] = true;
            out.pairs.push(Pair { code, live, how });
        }
    };
    // CloudFormation templates → their best stack.
    let mut templates: HashMap<onus_ingest::FileId, Vec<usize>> = HashMap::new();
    for (i, r) in resources.iter().enumerate() {
        if matches!(r.format, Format::CloudFormation | Format::Sam) && !r.is_data {
            templates.entry(r.file).or_default().push(i);
        }
    }
    let mut files: Vec<_> = templates.into_iter().collect();
    files.sort_by_key(|(f, _)| *f);
    let mut joined_code = vec![false; resources.len()];
    for (file, members) in &files {
        let best = stacks
            .iter()
            .map(|s| {
                let hits = members
                    .iter()
                    .filter(|&&i| {
                        s.resources.iter().any(|(l, _, t)| {
                            *l == resources[i].id && *t == resources[i].resource_type
                        })
                    })
                    .count();
                (hits, s)
            })
            .filter(|(hits, _)| *hits > 0)
            .max_by_key(|(hits, _)| *hits);
        let stack_name = best.map(|(_, s)| s.name.as_str());
        if let Some((_, stack)) = best {
            out.stacks.push((
                workload.file(*file).path.display().to_string(),
                stack.name.clone(),
            ));
            for &i in members {
                let r = &resources[i];
                let physical = stack
                    .resources
                    .iter()
                    .find(|(l, _, t)| *l == r.id && *t == r.resource_type);
                if let Some(l) = physical.and_then(|(_, p, _)| find(&r.resource_type, p)) {
                    pair(&mut out, i, l, How::Stack, &mut taken);
                    joined_code[i] = true;
                }
            }
        }
        // Tags, for what the stack list did not give.
        let left: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| !joined_code[i])
            .collect();
        for i in left {
            let r = &resources[i];
            let hit = live.iter().copied().find(|&l| {
                let d = &resources[l];
                !taken[l]
                    && d.resource_type == r.resource_type
                    && tag(d, "aws:cloudformation:logical-id") == Some(r.id.as_str())
                    && stack_name.is_none_or(|s| tag(d, "aws:cloudformation:stack-name") == Some(s))
            });
            if let Some(l) = hit {
                pair(&mut out, i, l, How::Tags, &mut taken);
                joined_code[i] = true;
            }
        }
    }
    // Terraform state.
    if let Some(state) = tf_state {
        for (i, r) in resources.iter().enumerate() {
            if !r.format.is_terraform() || r.is_data || joined_code[i] {
                continue;
            }
            let Some((id, arn)) = state.get(&r.id) else {
                continue;
            };
            let ty = cfn_type_of(&r.resource_type);
            let hit = [arn, id].into_iter().flatten().find_map(|key| match ty {
                Some(ty) => find(ty, key),
                None => by_any_key
                    .get(key.as_str())
                    .filter(|v| v.len() == 1)
                    .map(|v| v[0]),
            });
            if let Some(l) = hit {
                pair(&mut out, i, l, How::State, &mut taken);
                joined_code[i] = true;
            }
        }
    }
    // Names, for both formats.
    for (i, r) in resources.iter().enumerate() {
        if r.format.is_live() || r.is_data || joined_code[i] {
            continue;
        }
        let ty = if r.format.is_terraform() {
            cfn_type_of(&r.resource_type)
        } else {
            Some(r.resource_type.as_str())
        };
        // Account-wide settings are one per account: their type alone joins them.
        let hit = match ty {
            Some(ty) if !ty.starts_with("AWS::") => live
                .iter()
                .copied()
                .find(|&l| resources[l].resource_type == ty),
            Some(ty) => literal_name(r).and_then(|name| find(ty, name)),
            None => None,
        };
        if let Some(l) = hit {
            pair(&mut out, i, l, How::Name, &mut taken);
        }
    }
    out.pairs.sort_by_key(|p| (p.code, p.live));
    out.unmanaged = live
        .into_iter()
        .filter(|&l| !taken[l])
        .filter(|&l| {
            let t = resources[l].resource_type.as_str();
            t != "AWS::Account" && t.starts_with("AWS::")
        })
        .collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LiveResource, into_workload, tag_list};
    use serde_json::json;

    const TEMPLATE: &str = r#"
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Queue:
    Type: AWS::SQS::Queue
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: sessions
"#;

    fn live(arn: &str, id: &str, ty: &'static str, tags: &[(&str, &str)]) -> LiveResource {
        let tags: Vec<(String, String)> = tags
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        LiveResource {
            arn: arn.into(),
            id: id.into(),
            resource_type: ty,
            region: "eu-west-1".into(),
            properties: if tags.is_empty() {
                json!({})
            } else {
                json!({"Tags": tag_list(&tags)})
            },
            tags,
        }
    }

    fn workload() -> Workload {
        let mut w = Workload::default();
        let mut code = Workload::default();
        onus_ingest::cfn::read_bytes(
            std::path::Path::new("app.yaml"),
            TEMPLATE.as_bytes(),
            &onus_ingest::Options::default(),
            &mut code,
        );
        // What a streamed scan keeps of a unit of code is enough.
        keep_for_join(&mut code);
        w.merge(code);
        w.merge(into_workload(
            "123456789012",
            vec![
                live(
                    "arn:aws:s3:::app-bucket-1x2y",
                    "app-bucket-1x2y",
                    "AWS::S3::Bucket",
                    &[],
                ),
                live(
                    "arn:aws:sqs:eu-west-1:123456789012:app-Queue-ABC",
                    "app-Queue-ABC",
                    "AWS::SQS::Queue",
                    &[
                        ("aws:cloudformation:logical-id", "Queue"),
                        ("aws:cloudformation:stack-name", "app"),
                    ],
                ),
                live(
                    "arn:aws:dynamodb:eu-west-1:123456789012:table/sessions",
                    "sessions",
                    "AWS::DynamoDB::Table",
                    &[],
                ),
                live("arn:aws:s3:::by-hand", "by-hand", "AWS::S3::Bucket", &[]),
                live(
                    "arn:aws::eu-west-1:123456789012:account",
                    "account",
                    "AWS::Account",
                    &[],
                ),
            ],
        ));
        w
    }

    fn id_of(w: &Workload, i: usize) -> &str {
        &w.resources[i].id
    }

    #[test]
    fn stack_lists_then_tags_then_names_join_code_and_account() {
        let w = workload();
        let stacks = vec![Stack {
            name: "app".into(),
            region: "eu-west-1".into(),
            resources: vec![(
                "Bucket".into(),
                "app-bucket-1x2y".into(),
                "AWS::S3::Bucket".into(),
            )],
        }];
        let j = join(&w, &stacks, None);
        let pairs: Vec<(&str, &str, How)> = j
            .pairs
            .iter()
            .map(|p| (id_of(&w, p.code), id_of(&w, p.live), p.how))
            .collect();
        assert_eq!(
            pairs,
            vec![
                ("Bucket", "app-bucket-1x2y", How::Stack),
                ("Queue", "app-Queue-ABC", How::Tags),
                ("Table", "sessions", How::Name),
            ]
        );
        assert_eq!(j.stacks, vec![("app.yaml".to_owned(), "app".to_owned())]);
        // The account resource is never "unmanaged"; the bucket made by hand is.
        let unmanaged: Vec<&str> = j.unmanaged.iter().map(|&i| id_of(&w, i)).collect();
        assert_eq!(unmanaged, vec!["by-hand"]);
    }

    #[test]
    fn terraform_state_files_give_ids_and_arns() {
        let v4 = r#"{"version":4,"resources":[
            {"mode":"managed","type":"aws_s3_bucket","name":"logs","instances":[{"attributes":{"id":"logs-123","arn":"arn:aws:s3:::logs-123"}}]},
            {"module":"module.db","mode":"managed","type":"aws_db_instance","name":"main","instances":[{"index_key":0,"attributes":{"id":"db-1"}}]},
            {"mode":"data","type":"aws_caller_identity","name":"me","instances":[{"attributes":{"id":"x"}}]}]}"#;
        let state = read_tf_state(v4).unwrap();
        assert_eq!(
            state["aws_s3_bucket.logs"].1.as_deref(),
            Some("arn:aws:s3:::logs-123")
        );
        assert_eq!(
            state["module.db.aws_db_instance.main[0]"].0.as_deref(),
            Some("db-1")
        );
        assert!(!state.contains_key("aws_caller_identity.me"));
        let show = r#"{"values":{"root_module":{"resources":[{"address":"aws_sqs_queue.q","mode":"managed","values":{"id":"https://sqs/q","arn":"arn:aws:sqs:eu-west-1:1:q"}}],
            "child_modules":[{"resources":[{"address":"module.m.aws_sns_topic.t","mode":"managed","values":{"id":"arn:aws:sns:eu-west-1:1:t","arn":"arn:aws:sns:eu-west-1:1:t"}}]}]}}}"#;
        let state = read_tf_state(show).unwrap();
        assert_eq!(state.len(), 2);
        assert!(state.contains_key("module.m.aws_sns_topic.t"));
        assert!(read_tf_state("{}").is_err());
    }
}
