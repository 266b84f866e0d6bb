//! The embedded service catalog: it parses, its identifiers are unique, and
//! types land on the right service by longest prefix.

use onus_model::{Catalog, Category, Duty, Owner};
use std::collections::HashMap;

/// The keys documented in docs/SOURCES.md (first cell of each table row).
fn source_keys() -> Vec<String> {
    include_str!("../../../docs/SOURCES.md")
        .lines()
        .filter_map(|l| l.strip_prefix("| "))
        .filter_map(|l| l.split(" |").next())
        .map(str::trim)
        .filter(|k| !k.is_empty() && *k != "key" && !k.starts_with('-'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_source_key_is_documented() {
    let keys = source_keys();
    assert!(keys.len() >= 20, "{keys:?}");
    for s in Catalog::get().services() {
        for src in &s.sources {
            assert!(
                keys.contains(src),
                "{}: {src} not in docs/SOURCES.md",
                s.name
            );
        }
    }
    for layer in onus_model::Layer::ALL {
        for category in Category::ALL {
            for src in onus_model::assignment(category, layer)
                .source
                .split_whitespace()
            {
                assert!(
                    keys.iter().any(|k| k == src),
                    "matrix source {src} not documented"
                );
            }
        }
    }
}

#[test]
fn catalog_parses_with_at_least_200_services() {
    let catalog = Catalog::get();
    assert!(
        catalog.services().len() >= 200,
        "{}",
        catalog.services().len()
    );
}

#[test]
fn no_empty_fields() {
    for s in Catalog::get().services() {
        assert!(!s.name.trim().is_empty());
        assert!(!s.aliases.is_empty(), "{} has no aliases", s.name);
        assert!(s.aliases.iter().all(|a| !a.trim().is_empty()));
        assert!(!s.rationale.trim().is_empty(), "{}", s.name);
        assert!(!s.sources.is_empty(), "{}", s.name);
        for o in &s.overrides {
            assert!(
                !o.reason.trim().is_empty(),
                "{}: {} has no reason",
                s.name,
                o.duty
            );
            assert!(!o.reason.contains('\t'));
        }
        // Every row but Fargate (chosen through ECS, EKS, Batch) has resource types.
        if s.key() != "fargate" {
            assert!(
                !s.cfn_prefixes.is_empty() || !s.tf_prefixes.is_empty(),
                "{} has no prefixes",
                s.name
            );
        }
    }
}

#[test]
fn keys_are_lowercase_without_spaces() {
    for s in Catalog::get().services() {
        let key = s.key();
        assert!(
            key.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{}: bad key {key:?}",
            s.name
        );
    }
}

#[test]
fn names_aliases_and_prefixes_are_unique() {
    let mut idents: HashMap<String, &str> = HashMap::new();
    let mut prefixes: HashMap<String, &str> = HashMap::new();
    for s in Catalog::get().services() {
        let mut own: Vec<String> = std::iter::once(&s.name)
            .chain(&s.aliases)
            .map(|x| x.to_lowercase())
            .collect();
        own.sort();
        own.dedup();
        for ident in own {
            if let Some(other) = idents.insert(ident.clone(), &s.name) {
                panic!("{ident:?} used by {other} and {}", s.name);
            }
        }
        for p in s.cfn_prefixes.iter().chain(&s.tf_prefixes) {
            if let Some(other) = prefixes.insert(p.to_lowercase(), &s.name) {
                panic!("prefix {p:?} used by {other} and {}", s.name);
            }
        }
        for p in &s.cfn_prefixes {
            assert!(p.starts_with("AWS::"), "{}: {p}", s.name);
        }
        for p in &s.tf_prefixes {
            assert!(p.starts_with("aws_"), "{}: {p}", s.name);
        }
    }
}

#[test]
fn expected_keys_exist() {
    let catalog = Catalog::get();
    for key in [
        "s3",
        "ec2",
        "ebs",
        "rds",
        "dynamodb",
        "lambda",
        "ecs",
        "eks",
        "iam",
        "kms",
        "sqs",
        "sns",
        "cloudtrail",
        "cloudfront",
        "elbv2",
        "elb",
        "apigateway",
        "opensearch",
        "elasticache",
        "redshift",
        "efs",
        "kinesis",
        "secretsmanager",
        "vpc",
        "autoscaling",
        "cloudwatch",
        "logs",
        "config",
        "backup",
        "glue",
        "sagemaker",
        "msk",
        "mq",
        "docdb",
        "neptune",
        "fsx",
        "waf",
        "cognito",
        "appsync",
        "transfer",
        "dms",
        "firehose",
        "athena",
        "emr",
        "batch",
        "elasticbeanstalk",
        "lightsail",
        "route53",
        "acm",
        "guardduty",
        "securityhub",
        "organizations",
        "ssm",
        "ecr",
        "stepfunctions",
    ] {
        let s = catalog
            .find_service(key)
            .unwrap_or_else(|| panic!("no service {key}"));
        assert_eq!(s.key(), key);
    }
    assert_eq!(
        catalog
            .find_service("Simple Storage Service")
            .unwrap()
            .key(),
        "s3"
    );
    assert_eq!(catalog.find_service("amazon s3").unwrap().key(), "s3");
    assert_eq!(catalog.find_service("Aurora").unwrap().key(), "rds");
}

#[test]
fn longest_prefix_wins() {
    let catalog = Catalog::get();
    for (ty, key) in [
        ("AWS::EC2::Volume", "ebs"),
        ("AWS::EC2::VolumeAttachment", "ebs"),
        ("AWS::EC2::Instance", "ec2"),
        ("AWS::EC2::LaunchTemplate", "ec2"),
        ("AWS::EC2::SecurityGroup", "vpc"),
        ("AWS::EC2::SecurityGroupIngress", "vpc"),
        ("AWS::EC2::VPCEndpoint", "vpc"),
        ("AWS::EC2::TransitGatewayAttachment", "transitgateway"),
        ("AWS::EC2::VPNConnection", "vpn"),
        ("AWS::EC2::IPAMPool", "ipam"),
        ("aws_security_group", "vpc"),
        ("aws_security_group_rule", "vpc"),
        ("aws_vpc_security_group_ingress_rule", "vpc"),
        ("aws_vpc_ipam_pool", "ipam"),
        ("aws_vpclattice_service", "vpclattice"),
        ("aws_instance", "ec2"),
        ("aws_ebs_volume", "ebs"),
        ("aws_db_instance", "rds"),
        ("aws_rds_cluster", "rds"),
        ("AWS::RDS::DBInstance", "rds"),
        ("aws_s3_bucket", "s3"),
        ("aws_s3_bucket_policy", "s3"),
        ("aws_s3_directory_bucket", "s3express"),
        ("AWS::S3::Bucket", "s3"),
        ("aws_lb", "elbv2"),
        ("aws_alb", "elbv2"),
        ("aws_lb_listener", "elbv2"),
        ("aws_lb_cookie_stickiness_policy", "elb"),
        ("aws_elb", "elb"),
        ("AWS::ElasticLoadBalancingV2::LoadBalancer", "elbv2"),
        ("AWS::ElasticLoadBalancing::LoadBalancer", "elb"),
        ("aws_route_table", "vpc"),
        ("aws_default_security_group", "vpc"),
        ("aws_default_vpc_dhcp_options", "vpc"),
        ("aws_route53_zone", "route53"),
        ("aws_route53_resolver_endpoint", "route53resolver"),
        ("aws_cloudwatch_metric_alarm", "cloudwatch"),
        ("aws_cloudwatch_log_group", "logs"),
        ("aws_cloudwatch_event_rule", "eventbridge"),
        ("aws_eks_cluster", "eks"),
        ("aws_eks_fargate_profile", "eks"),
        ("AWS::EKS::FargateProfile", "eks"),
        ("aws_kinesis_stream", "kinesis"),
        ("aws_kinesis_firehose_delivery_stream", "firehose"),
        ("AWS::OpenSearchService::Domain", "opensearch"),
        (
            "AWS::OpenSearchServerless::Collection",
            "opensearchserverless",
        ),
        ("AWS::Elasticsearch::Domain", "elasticsearch"),
        (
            "aws_opensearchserverless_collection",
            "opensearchserverless",
        ),
        ("AWS::Timestream::InfluxDBInstance", "timestreaminfluxdb"),
        ("AWS::Timestream::Table", "timestream"),
        ("AWS::EC2::LocalGatewayRoute", "outposts"),
        ("aws_ssm_parameter", "ssm"),
        ("aws_ssmincidents_replication_set", "ssmincidents"),
        ("aws_acmpca_certificate_authority", "acmpca"),
        ("aws_acm_certificate", "acm"),
        ("aws_wafv2_web_acl", "waf"),
        ("aws_iam_role", "iam"),
        ("AWS::Lambda::Function", "lambda"),
    ] {
        let got = catalog.service_for_type(ty).map(|s| s.key());
        assert_eq!(got, Some(key), "{ty}");
    }
    assert!(
        catalog
            .service_for_type("AWS::Serverless::Function")
            .is_none()
    );
    assert!(catalog.service_for_type("random_thing").is_none());
    // A provider meta data source, not a VPC resource.
    assert!(catalog.service_for_type("aws_default_tags").is_none());
}

#[test]
fn category_varying_services_have_rules() {
    let catalog = Catalog::get();
    for s in catalog.services() {
        if s.rationale_varies() {
            assert!(
                s.category_varies(),
                "{} says VARIES but has no rule",
                s.name
            );
            assert!(s.category_rule_doc().is_some_and(|d| d.len() > 40));
        }
    }
    for key in [
        "ecs",
        "eks",
        "batch",
        "lambda",
        "emr",
        "elasticbeanstalk",
        "lightsail",
        "sagemaker",
    ] {
        assert!(
            catalog.find_service(key).unwrap().category_varies(),
            "{key}"
        );
    }
}

#[test]
fn overrides_apply() {
    let catalog = Catalog::get();
    let owner = |key: &str, duty: Duty| {
        let s = catalog.find_service(key).unwrap();
        s.duty_owner(duty, s.category).0
    };
    assert_eq!(owner("sns", Duty::EncryptionAtRest), Owner::Customer);
    assert_eq!(owner("kinesis", Duty::EncryptionAtRest), Owner::Customer);
    assert_eq!(owner("efs", Duty::EncryptionAtRest), Owner::Customer);
    assert_eq!(owner("sqs", Duty::EncryptionAtRest), Owner::Shared);
    assert_eq!(owner("dynamodb", Duty::EncryptionAtRest), Owner::Aws);
    assert_eq!(owner("logs", Duty::EncryptionAtRest), Owner::Aws);
    assert_eq!(owner("s3", Duty::EncryptionAtRest), Owner::Aws);
    assert_eq!(owner("rds", Duty::EncryptionAtRest), Owner::Customer);
    assert_eq!(owner("msk", Duty::EncryptionAtRest), Owner::Aws);
    assert_eq!(owner("outposts", Duty::PhysicalSecurity), Owner::Shared);
    assert_eq!(
        owner("storagegateway", Duty::PhysicalSecurity),
        Owner::Shared
    );
    assert_eq!(
        owner("directconnect", Duty::PhysicalSecurity),
        Owner::Shared
    );
    assert_eq!(owner("ec2", Duty::PhysicalSecurity), Owner::Aws);
    for global in [
        "iam",
        "organizations",
        "route53",
        "cloudfront",
        "globalaccelerator",
    ] {
        assert_eq!(
            owner(global, Duty::DataResidency),
            Owner::Shared,
            "{global}"
        );
    }
    assert_eq!(owner("s3", Duty::DataResidency), Owner::Customer);
    assert_eq!(owner("elbv2", Duty::NetworkExposure), Owner::Customer);
    // Overridden duties carry their reason; others do not.
    let sns = catalog.find_service("sns").unwrap();
    assert!(
        sns.duty_owner(Duty::EncryptionAtRest, Category::Abstracted)
            .1
            .is_some()
    );
    assert!(
        sns.duty_owner(Duty::AccessControl, Category::Abstracted)
            .1
            .is_none()
    );
    // Reasons may contain semicolons.
    let vpn = catalog.find_service("vpn").unwrap();
    assert!(vpn.overrides.len() >= 4, "{:?}", vpn.overrides);
    // No override merely repeats the category default.
    for s in catalog.services() {
        for o in &s.overrides {
            assert_ne!(
                o.owner,
                o.duty.owner(s.category),
                "{}: override of {} repeats the default",
                s.name,
                o.duty
            );
        }
    }
}

#[test]
fn suggestions() {
    let catalog = Catalog::get();
    assert_eq!(
        catalog.suggest("s4", 3).first().map(String::as_str),
        Some("s3")
    );
    assert!(catalog.suggest("lamda", 3).iter().any(|s| s == "lambda"));
    assert!(catalog.suggest("zzzzzzzzzzzzzzzzzzzz", 3).is_empty());
}

#[test]
fn parse_errors_name_the_line() {
    let bad = "name\taliases\tcategory\tcfn\ttf\toverrides\trationale\tsources\nX\tx\tnope\t-\t-\t-\tr\tSEED\n";
    let err = onus_model::Catalog::parse(bad).unwrap_err();
    assert_eq!(err.line, 2);
    let bad = "name\taliases\tcategory\tcfn\ttf\toverrides\trationale\tsources\nX\tx\tcontainer\t-\t-\tbogus=aws: r\tr\tSEED\n";
    assert!(
        onus_model::Catalog::parse(bad)
            .unwrap_err()
            .message
            .contains("unknown duty")
    );
}
