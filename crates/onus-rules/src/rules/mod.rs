//! The registry: every rule, one file each. To add a rule, add its file here
//! (`mod`) and to [`ALL`].

use crate::rule::Rule;

mod apigateway_access_logging;
mod apigateway_method_authorization;
mod cloudfront_access_logging;
mod cloudfront_tls_version;
mod cloudfront_viewer_https;
mod ebs_default_encryption;
mod ebs_encryption_at_rest;
mod ec2_all_ports_open_to_world;
mod ec2_default_security_group_closed;
mod ec2_imdsv2_required;
mod ec2_nacl_admin_ports_open;
mod ec2_no_public_ip;
mod ec2_rdp_open_to_world;
mod ec2_ssh_open_to_world;
mod ec2_volume_encryption;
mod elb_access_logging;
mod elb_https_listener;
mod elbv2_access_logging;
mod elbv2_drop_invalid_headers;
mod elbv2_https_listener;
mod elbv2_tls_policy;
mod rds_encryption_at_rest;
mod region_data_residency;
mod s3_encryption_at_rest;
mod vpc_flow_logs;
mod vpc_subnet_no_auto_public_ip;

/// Every rule, sorted by id.
pub static ALL: &[&Rule] = &[
    &apigateway_access_logging::RULE,
    &apigateway_method_authorization::RULE,
    &cloudfront_access_logging::RULE,
    &cloudfront_tls_version::RULE,
    &cloudfront_viewer_https::RULE,
    &ebs_default_encryption::RULE,
    &ebs_encryption_at_rest::RULE,
    &ec2_all_ports_open_to_world::RULE,
    &ec2_default_security_group_closed::RULE,
    &ec2_imdsv2_required::RULE,
    &ec2_nacl_admin_ports_open::RULE,
    &ec2_no_public_ip::RULE,
    &ec2_rdp_open_to_world::RULE,
    &ec2_ssh_open_to_world::RULE,
    &ec2_volume_encryption::RULE,
    &elb_access_logging::RULE,
    &elb_https_listener::RULE,
    &elbv2_access_logging::RULE,
    &elbv2_drop_invalid_headers::RULE,
    &elbv2_https_listener::RULE,
    &elbv2_tls_policy::RULE,
    &rds_encryption_at_rest::RULE,
    &region_data_residency::RULE,
    &s3_encryption_at_rest::RULE,
    &vpc_flow_logs::RULE,
    &vpc_subnet_no_auto_public_ip::RULE,
];

/// A rule by id.
pub fn by_id(id: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.id == id)
}
