//! CloudFront distributions read the same way from CloudFormation
//! (`DistributionConfig.Origins`, `DefaultCacheBehavior`, `CacheBehaviors`)
//! and Terraform (`origin`, `default_cache_behavior`, `ordered_cache_behavior`
//! blocks): their origins and cache behaviors, each with its path.

use crate::check::{get_in, items, spelling};
use onus_ingest::{Node, Resource};

pub const DISTRIBUTION_CFN: &[&str] = &["AWS::CloudFront::Distribution"];
pub const DISTRIBUTION_TF: &[&str] = &["aws_cloudfront_distribution"];

/// The cache behaviors: the default one first, then the ordered ones, each
/// with its path (`DistributionConfig.CacheBehaviors[0]`).
pub fn behaviors(resource: &Resource) -> Vec<(String, &Node)> {
    let default_path = spelling(
        resource,
        "DistributionConfig.DefaultCacheBehavior",
        "default_cache_behavior",
    );
    let ordered_path = spelling(
        resource,
        "DistributionConfig.CacheBehaviors",
        "ordered_cache_behavior",
    );
    let mut out: Vec<(String, &Node)> = get_in(&resource.properties, default_path)
        .map(|b| (default_path.to_owned(), b))
        .into_iter()
        .collect();
    for (i, b) in items(get_in(&resource.properties, ordered_path))
        .into_iter()
        .enumerate()
    {
        out.push((format!("{ordered_path}[{i}]"), b));
    }
    out
}

/// The origins, each with its path (`DistributionConfig.Origins[0]`).
pub fn origins(resource: &Resource) -> Vec<(String, &Node)> {
    let path = spelling(resource, "DistributionConfig.Origins", "origin");
    items(get_in(&resource.properties, path))
        .into_iter()
        .enumerate()
        .map(|(i, o)| (format!("{path}[{i}]"), o))
        .collect()
}

/// A field of an origin or behavior, by its CloudFormation or Terraform name.
pub fn field<'a>(resource: &Resource, node: &'a Node, cfn: &str, tf: &str) -> Option<&'a Node> {
    get_in(node, spelling(resource, cfn, tf))
}

/// The custom origins (any origin with a `CustomOriginConfig` /
/// `custom_origin_config`: web servers, load balancers, S3 website
/// endpoints): the config's path, the origin and its config.
pub fn custom_origins(resource: &Resource) -> Vec<(String, &Node, &Node)> {
    let key = spelling(resource, "CustomOriginConfig", "custom_origin_config");
    origins(resource)
        .into_iter()
        .filter_map(|(path, origin)| {
            get_in(origin, key).map(|config| (format!("{path}.{key}"), origin, config))
        })
        .collect()
}
