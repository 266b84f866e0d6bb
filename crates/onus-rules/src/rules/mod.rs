//! The registry: every rule, one file each. To add a rule, add its file here
//! (`mod`) and to [`ALL`].

use crate::rule::Rule;

mod account_access_analyzer;
mod account_cloudtrail_multi_region;
mod account_config_recording;
mod account_guardduty_enabled;
mod account_root_mfa;
mod account_root_no_access_keys;
mod account_security_contact;
mod account_securityhub_enabled;
mod acm_dns_validation;
mod acm_rsa_key_length;
mod acm_transparency_logging;
mod acmpca_root_ca_disabled;
mod apigateway_access_logging;
mod apigateway_backend_certificate;
mod apigateway_cache_encryption;
mod apigateway_domain_tls_policy;
mod apigateway_execution_logging;
mod apigateway_method_authorization;
mod apigateway_no_data_trace;
mod apigateway_private_integration_tls;
mod apigateway_xray_tracing;
mod appflow_kms_key;
mod appstream_no_default_internet;
mod appsync_field_logging;
mod appsync_no_api_key_auth;
mod athena_database_encryption;
mod athena_result_encryption;
mod athena_workgroup_logging;
mod autoscaling_elb_health_check;
mod autoscaling_launch_template;
mod autoscaling_multi_az;
mod autoscaling_multiple_instance_types;
mod backup_copy_residency;
mod backup_plan_retention;
mod backup_resource_covered;
mod backup_vault_kms;
mod backup_vault_lock;
mod backup_vault_policy_not_public;
mod batch_ami_updates;
mod batch_no_privileged_containers;
mod bedrock_kms_key;
mod clientvpn_connection_logging;
mod cloudformation_stack_service_role;
mod cloudfront_access_logging;
mod cloudfront_default_root_object;
mod cloudfront_hsts;
mod cloudfront_oac_signing;
mod cloudfront_origin_access_control;
mod cloudfront_origin_failover;
mod cloudfront_origin_https;
mod cloudfront_origin_tls_protocols;
mod cloudfront_tls_version;
mod cloudfront_trusted_key_groups;
mod cloudfront_viewer_https;
mod cloudsearch_https_only;
mod cloudsearch_tls_policy;
mod cloudtrail_cloudwatch_logs;
mod cloudtrail_event_data_store_kms;
mod cloudtrail_kms_encryption;
mod cloudtrail_log_file_validation;
mod cloudtrail_logging_enabled;
mod cloudtrail_management_events;
mod cloudtrail_multi_region;
mod cloudwatch_alarm_action;
mod cloudwatch_alarm_actions_enabled;
mod code_no_hardcoded_secrets;
mod codeartifact_domain_kms;
mod codebuild_encryption_at_rest;
mod codebuild_kms_key;
mod codebuild_logging;
mod codebuild_no_plaintext_credentials;
mod codebuild_no_privileged_mode;
mod codebuild_no_source_credentials;
mod codebuild_report_export_encryption;
mod codebuild_source_url_no_credentials;
mod codecommit_kms_key;
mod codegurureviewer_kms_key;
mod codepipeline_artifact_kms;
mod cognito_client_user_existence_errors;
mod cognito_custom_auth_threat_protection;
mod cognito_deletion_protection;
mod cognito_mfa;
mod cognito_no_unauthenticated_identities;
mod cognito_password_complexity;
mod cognito_password_length;
mod cognito_threat_protection;
mod comprehend_kms_key;
mod config_aggregator_all_regions;
mod config_recorder_enabled;
mod config_records_all_resources;
mod connect_contact_flow_logs;
mod connect_storage_kms;
mod datasync_efs_in_transit;
mod datasync_task_logging;
mod dax_encryption_at_rest;
mod dax_tls_endpoint;
mod directoryservice_log_forwarding;
mod dlm_cross_region_copy_encryption;
mod dlm_cross_region_copy_kms_key;
mod dms_endpoint_customer_managed_key;
mod dms_endpoint_ssl;
mod dms_kms_encryption;
mod dms_minor_version_upgrade;
mod dms_mongodb_auth;
mod dms_multi_az;
mod dms_neptune_iam_auth;
mod dms_no_public_access;
mod dms_redis_tls;
mod dms_task_logging;
mod docdb_audit_logs;
mod docdb_backup_retention;
mod docdb_customer_managed_key;
mod docdb_deletion_protection;
mod docdb_encryption_at_rest;
mod docdb_global_cluster_encryption;
mod docdb_tls_enforced;
mod dynamodb_deletion_protection;
mod dynamodb_kms_encryption;
mod dynamodb_point_in_time_recovery;
mod dynamodb_replica_customer_managed_key;
mod dynamodb_replica_residency;
mod ebs_customer_managed_key;
mod ebs_default_encryption;
mod ebs_encryption_at_rest;
mod ebs_snapshot_block_public_access;
mod ec2_all_ports_open_to_world;
mod ec2_ami_not_public;
mod ec2_ami_owner_pinned;
mod ec2_default_security_group_closed;
mod ec2_egress_open_to_world;
mod ec2_eni_source_dest_check;
mod ec2_high_risk_ports_open_to_world;
mod ec2_http_open_to_world;
mod ec2_imds_hop_limit;
mod ec2_imdsv2_required;
mod ec2_nacl_admin_ports_open;
mod ec2_nacl_high_risk_ports_open;
mod ec2_no_public_ip;
mod ec2_no_secrets_in_user_data;
mod ec2_rdp_open_to_world;
mod ec2_spot_fleet_volume_encryption;
mod ec2_ssh_open_to_world;
mod ec2_unauthorized_ports_open_to_world;
mod ec2_volume_encryption;
mod ecr_kms_key;
mod ecr_policy_not_public;
mod ecr_scan_on_push;
mod ecr_tag_immutability;
mod ecs_capacity_provider_termination_protection;
mod ecs_container_insights;
mod ecs_container_logging;
mod ecs_efs_transit_encryption;
mod ecs_exec_logging;
mod ecs_fargate_platform_version;
mod ecs_fargate_storage_cmk;
mod ecs_no_host_network;
mod ecs_no_host_pid;
mod ecs_no_privileged_containers;
mod ecs_no_public_ip;
mod ecs_non_root_user;
mod ecs_read_only_root_filesystem;
mod ecs_secrets_not_in_environment;
mod ecs_separate_task_role;
mod efs_access_point_root_directory;
mod efs_access_point_user_identity;
mod efs_automatic_backups;
mod efs_customer_managed_key;
mod efs_encryption_at_rest;
mod efs_mount_target_private_subnet;
mod eks_control_plane_logging;
mod eks_no_cluster_admin_access;
mod eks_node_remote_access;
mod eks_private_endpoint;
mod eks_secrets_encryption;
mod eks_supported_version;
mod elasticache_automatic_backups;
mod elasticache_automatic_failover;
mod elasticache_custom_subnet_group;
mod elasticache_customer_managed_key;
mod elasticache_encryption_at_rest;
mod elasticache_encryption_in_transit;
mod elasticache_minor_version_upgrade;
mod elasticache_redis_auth;
mod elasticbeanstalk_cloudwatch_logs;
mod elasticbeanstalk_enhanced_health;
mod elasticbeanstalk_https_listener;
mod elasticbeanstalk_managed_updates;
mod elb_access_logging;
mod elb_acm_certificate;
mod elb_cross_zone;
mod elb_desync_mitigation;
mod elb_https_listener;
mod elb_multi_az;
mod elb_tls_policy;
mod elbv2_access_logging;
mod elbv2_cross_zone;
mod elbv2_deletion_protection;
mod elbv2_drop_invalid_headers;
mod elbv2_health_check_encrypted;
mod elbv2_https_listener;
mod elbv2_target_group_encrypted;
mod elbv2_tls_policy;
mod emr_at_rest_encryption;
mod emr_block_public_access;
mod emr_cluster_security_configuration;
mod emr_in_transit_encryption;
mod emr_primary_node_private;
mod events_bus_kms_key;
mod events_bus_policy_not_public;
mod events_target_dead_letter_queue;
mod firehose_customer_managed_key;
mod firehose_encryption_at_rest;
mod fsx_backup_retention;
mod fsx_kms_encryption;
mod fsx_multi_az;
mod fsx_windows_audit_logs;
mod glacier_vault_policy_not_public;
mod globalaccelerator_flow_logs;
mod glue_catalog_encryption;
mod glue_connection_password_encryption;
mod glue_connection_ssl;
mod glue_ml_transform_encryption;
mod glue_resource_policy_not_public;
mod glue_security_configuration;
mod glue_security_configuration_encryption;
mod glue_supported_version;
mod guardduty_ec2_runtime_monitoring;
mod guardduty_ecs_runtime_monitoring;
mod guardduty_eks_audit_logs;
mod guardduty_eks_runtime_monitoring;
mod guardduty_enabled;
mod guardduty_lambda_protection;
mod guardduty_malware_protection;
mod guardduty_rds_protection;
mod guardduty_runtime_monitoring;
mod guardduty_s3_protection;
mod iam_no_access_keys;
mod iam_no_admin_policy;
mod iam_no_credentials_exposure;
mod iam_no_data_exfiltration;
mod iam_no_kms_decrypt_all_keys;
mod iam_no_privilege_escalation;
mod iam_no_user_policies;
mod iam_no_wildcard_actions;
mod iam_oidc_trust_restricted;
mod iam_password_complexity;
mod iam_password_max_age;
mod iam_password_policy;
mod iam_permissions_management_constrained;
mod iam_trust_policy_restricted;
mod iam_user_no_console_password;
mod iam_write_access_constrained;
mod imagebuilder_kms_key;
mod inspector_ec2_scanning;
mod inspector_ecr_scanning;
mod inspector_lambda_code_scanning;
mod inspector_lambda_scanning;
mod iot_policy_least_privilege;
mod kendra_index_kms;
mod keyspaces_customer_managed_key;
mod keyspaces_point_in_time_recovery;
mod kinesis_customer_managed_key;
mod kinesis_encryption_at_rest;
mod kinesis_retention_period;
mod kinesisvideo_customer_managed_key;
mod kms_key_policy_defined;
mod kms_key_rotation;
mod kms_policy_no_wildcard_principal;
mod lambda_env_kms_encryption;
mod lambda_failed_event_destination;
mod lambda_function_url_auth;
mod lambda_inside_vpc;
mod lambda_multi_az;
mod lambda_no_public_invoke;
mod lambda_no_secrets_in_environment;
mod lambda_supported_runtime;
mod lambda_xray_tracing;
mod lightsail_admin_ports_open;
mod lightsail_bucket_not_public;
mod lightsail_database_backups;
mod lightsail_database_not_public;
mod lightsail_instance_auto_snapshot;
mod logs_kms_encryption;
mod logs_resource_policy_not_public;
mod logs_retention;
mod logs_security_metric_filter_alarm;
mod macie_enabled;
mod memorydb_customer_managed_key;
mod memorydb_no_open_access;
mod memorydb_tls;
mod mq_auto_minor_version_upgrade;
mod mq_kms_key;
mod mq_logging;
mod mq_no_public_access;
mod msk_broker_logging;
mod msk_encryption_in_transit;
mod msk_kms_encryption;
mod msk_no_unauthenticated_access;
mod msk_public_access_disabled;
mod mskconnect_encryption_in_transit;
mod mskconnect_logging;
mod mwaa_logging;
mod mwaa_not_public;
mod neptune_audit_logs;
mod neptune_backup_retention;
mod neptune_customer_managed_key;
mod neptune_deletion_protection;
mod neptune_encryption_at_rest;
mod neptune_iam_auth;
mod neptune_instance_not_public;
mod neptune_minor_version_upgrade;
mod neptune_snapshot_encryption;
mod networkfirewall_change_protection;
mod networkfirewall_customer_managed_key;
mod networkfirewall_logging;
mod networkfirewall_policy;
mod networkfirewall_rule_group_not_empty;
mod opensearch_access_policy_not_public;
mod opensearch_audit_logging;
mod opensearch_customer_managed_key;
mod opensearch_data_nodes;
mod opensearch_dedicated_masters;
mod opensearch_encryption_at_rest;
mod opensearch_error_logging;
mod opensearch_fine_grained_access;
mod opensearch_https_required;
mod opensearch_in_vpc;
mod opensearch_node_to_node_encryption;
mod opensearch_security_groups;
mod organizations_all_features;
mod organizations_region_deny_scp;
mod ram_no_external_principals;
mod rds_aurora_mysql_audit;
mod rds_backtracking;
mod rds_backup_retention;
mod rds_ca_certificate;
mod rds_cluster_backup_retention;
mod rds_cluster_minor_version_upgrade;
mod rds_cluster_multi_az;
mod rds_custom_admin_username;
mod rds_customer_managed_key;
mod rds_deletion_protection;
mod rds_encryption_at_rest;
mod rds_enhanced_monitoring;
mod rds_event_subscription;
mod rds_global_cluster_encryption;
mod rds_iam_authentication;
mod rds_log_exports;
mod rds_minor_version_upgrade;
mod rds_multi_az;
mod rds_no_plaintext_password;
mod rds_no_public_subnet;
mod rds_non_default_port;
mod rds_not_public;
mod rds_performance_insights_key;
mod rds_proxy_tls;
mod rds_snapshot_encryption;
mod rds_snapshot_not_public;
mod rds_tls_enforced;
mod redshift_audit_logging;
mod redshift_automated_snapshots;
mod redshift_custom_admin_username;
mod redshift_customer_managed_key;
mod redshift_encryption_at_rest;
mod redshift_enhanced_vpc_routing;
mod redshift_multi_az;
mod redshift_not_public;
mod redshift_port_restricted;
mod redshift_tls_enforced;
mod redshift_version_upgrade;
mod redshiftserverless_custom_admin_username;
mod redshiftserverless_customer_managed_key;
mod redshiftserverless_enhanced_vpc_routing;
mod redshiftserverless_log_exports;
mod redshiftserverless_not_public;
mod redshiftserverless_require_ssl;
mod region_data_residency;
mod route53_dnssec;
mod route53_query_logging;
mod route53domains_transfer_lock;
mod s3_access_logging;
mod s3_access_point_public_access_block;
mod s3_account_public_access_block;
mod s3_acls_disabled;
mod s3_encryption_at_rest;
mod s3_kms_encryption;
mod s3_lifecycle_configuration;
mod s3_mrap_public_access_block;
mod s3_object_kms_encryption;
mod s3_object_lock;
mod s3_policy_no_wildcard_principal;
mod s3_public_access_block;
mod s3_public_acl;
mod s3_replication;
mod s3_replication_residency;
mod s3_tls_only;
mod s3_versioning;
mod s3express_lifecycle_configuration;
mod sagemaker_domain_kms;
mod sagemaker_domain_vpc_only;
mod sagemaker_endpoint_config_kms;
mod sagemaker_endpoint_instance_count;
mod sagemaker_feature_group_kms;
mod sagemaker_flow_definition_kms;
mod sagemaker_model_network_isolation;
mod sagemaker_monitoring_kms;
mod sagemaker_monitoring_network_isolation;
mod sagemaker_monitoring_traffic_encryption;
mod sagemaker_notebook_imdsv2;
mod sagemaker_notebook_in_vpc;
mod sagemaker_notebook_kms;
mod sagemaker_notebook_no_direct_internet;
mod sagemaker_notebook_no_root_access;
mod sagemaker_notebook_platform;
mod scheduler_kms_key;
mod secretsmanager_kms_encryption;
mod secretsmanager_policy_not_public;
mod secretsmanager_replica_residency;
mod secretsmanager_rotation;
mod secretsmanager_rotation_period;
mod securityhub_standards_enabled;
mod servicecatalog_org_sharing;
mod ses_tls_required;
mod sns_encryption_at_rest;
mod sns_kms_key;
mod sns_policy_not_public;
mod sns_subscription_dead_letter_queue;
mod sns_subscription_https;
mod sqs_encryption_at_rest;
mod sqs_kms_key;
mod sqs_policy_not_public;
mod ssm_automation_logging;
mod ssm_block_public_sharing;
mod ssm_document_not_public;
mod ssm_instance_patching;
mod ssm_parameter_kms;
mod ssm_parameter_secure_string;
mod ssm_patch_baseline_approval;
mod ssm_session_kms_encryption;
mod ssm_session_logging;
mod stepfunctions_kms_key;
mod stepfunctions_logging;
mod stepfunctions_xray_tracing;
mod storagegateway_file_share_kms;
mod storagegateway_nfs_clients;
mod storagegateway_smb_audit_logs;
mod storagegateway_smb_no_guest;
mod timestream_customer_managed_key;
mod transfer_connector_logging;
mod transfer_logging;
mod transfer_no_ftp;
mod transfer_not_public;
mod transfer_security_policy;
mod transitgateway_no_auto_accept;
mod vpc_block_public_access;
mod vpc_endpoint_policy_restricted;
mod vpc_endpoint_service_acceptance;
mod vpc_endpoint_service_not_public;
mod vpc_flow_logs;
mod vpc_peering_route_least_access;
mod vpc_subnet_no_auto_public_ip;
mod vpn_ikev2_only;
mod vpn_tunnel_logging;
mod waf_associated;
mod waf_classic_logging;
mod waf_cloudwatch_metrics;
mod waf_known_bad_inputs;
mod waf_logging;
mod waf_rule_not_empty;
mod waf_web_acl_not_empty;
mod workspaces_root_volume_encryption;
mod workspaces_user_volume_encryption;

/// Every rule, sorted by id.
pub static ALL: &[&Rule] = &[
    &account_access_analyzer::RULE,
    &account_cloudtrail_multi_region::RULE,
    &account_config_recording::RULE,
    &account_guardduty_enabled::RULE,
    &account_root_mfa::RULE,
    &account_root_no_access_keys::RULE,
    &account_security_contact::RULE,
    &account_securityhub_enabled::RULE,
    &acm_dns_validation::RULE,
    &acm_rsa_key_length::RULE,
    &acm_transparency_logging::RULE,
    &acmpca_root_ca_disabled::RULE,
    &apigateway_access_logging::RULE,
    &apigateway_backend_certificate::RULE,
    &apigateway_cache_encryption::RULE,
    &apigateway_domain_tls_policy::RULE,
    &apigateway_execution_logging::RULE,
    &apigateway_method_authorization::RULE,
    &apigateway_no_data_trace::RULE,
    &apigateway_private_integration_tls::RULE,
    &apigateway_xray_tracing::RULE,
    &appflow_kms_key::RULE,
    &appstream_no_default_internet::RULE,
    &appsync_field_logging::RULE,
    &appsync_no_api_key_auth::RULE,
    &athena_database_encryption::RULE,
    &athena_result_encryption::RULE,
    &athena_workgroup_logging::RULE,
    &autoscaling_elb_health_check::RULE,
    &autoscaling_launch_template::RULE,
    &autoscaling_multi_az::RULE,
    &autoscaling_multiple_instance_types::RULE,
    &backup_copy_residency::RULE,
    &backup_plan_retention::RULE,
    &backup_resource_covered::RULE,
    &backup_vault_kms::RULE,
    &backup_vault_lock::RULE,
    &backup_vault_policy_not_public::RULE,
    &batch_ami_updates::RULE,
    &batch_no_privileged_containers::RULE,
    &bedrock_kms_key::RULE,
    &clientvpn_connection_logging::RULE,
    &cloudformation_stack_service_role::RULE,
    &cloudfront_access_logging::RULE,
    &cloudfront_default_root_object::RULE,
    &cloudfront_hsts::RULE,
    &cloudfront_oac_signing::RULE,
    &cloudfront_origin_access_control::RULE,
    &cloudfront_origin_failover::RULE,
    &cloudfront_origin_https::RULE,
    &cloudfront_origin_tls_protocols::RULE,
    &cloudfront_tls_version::RULE,
    &cloudfront_trusted_key_groups::RULE,
    &cloudfront_viewer_https::RULE,
    &cloudsearch_https_only::RULE,
    &cloudsearch_tls_policy::RULE,
    &cloudtrail_cloudwatch_logs::RULE,
    &cloudtrail_event_data_store_kms::RULE,
    &cloudtrail_kms_encryption::RULE,
    &cloudtrail_log_file_validation::RULE,
    &cloudtrail_logging_enabled::RULE,
    &cloudtrail_management_events::RULE,
    &cloudtrail_multi_region::RULE,
    &cloudwatch_alarm_action::RULE,
    &cloudwatch_alarm_actions_enabled::RULE,
    &code_no_hardcoded_secrets::RULE,
    &codeartifact_domain_kms::RULE,
    &codebuild_encryption_at_rest::RULE,
    &codebuild_kms_key::RULE,
    &codebuild_logging::RULE,
    &codebuild_no_plaintext_credentials::RULE,
    &codebuild_no_privileged_mode::RULE,
    &codebuild_no_source_credentials::RULE,
    &codebuild_report_export_encryption::RULE,
    &codebuild_source_url_no_credentials::RULE,
    &codecommit_kms_key::RULE,
    &codegurureviewer_kms_key::RULE,
    &codepipeline_artifact_kms::RULE,
    &cognito_client_user_existence_errors::RULE,
    &cognito_custom_auth_threat_protection::RULE,
    &cognito_deletion_protection::RULE,
    &cognito_mfa::RULE,
    &cognito_no_unauthenticated_identities::RULE,
    &cognito_password_complexity::RULE,
    &cognito_password_length::RULE,
    &cognito_threat_protection::RULE,
    &comprehend_kms_key::RULE,
    &config_aggregator_all_regions::RULE,
    &config_recorder_enabled::RULE,
    &config_records_all_resources::RULE,
    &connect_contact_flow_logs::RULE,
    &connect_storage_kms::RULE,
    &datasync_efs_in_transit::RULE,
    &datasync_task_logging::RULE,
    &dax_encryption_at_rest::RULE,
    &dax_tls_endpoint::RULE,
    &directoryservice_log_forwarding::RULE,
    &dlm_cross_region_copy_encryption::RULE,
    &dlm_cross_region_copy_kms_key::RULE,
    &dms_endpoint_customer_managed_key::RULE,
    &dms_endpoint_ssl::RULE,
    &dms_kms_encryption::RULE,
    &dms_minor_version_upgrade::RULE,
    &dms_mongodb_auth::RULE,
    &dms_multi_az::RULE,
    &dms_neptune_iam_auth::RULE,
    &dms_no_public_access::RULE,
    &dms_redis_tls::RULE,
    &dms_task_logging::RULE,
    &docdb_audit_logs::RULE,
    &docdb_backup_retention::RULE,
    &docdb_customer_managed_key::RULE,
    &docdb_deletion_protection::RULE,
    &docdb_encryption_at_rest::RULE,
    &docdb_global_cluster_encryption::RULE,
    &docdb_tls_enforced::RULE,
    &dynamodb_deletion_protection::RULE,
    &dynamodb_kms_encryption::RULE,
    &dynamodb_point_in_time_recovery::RULE,
    &dynamodb_replica_customer_managed_key::RULE,
    &dynamodb_replica_residency::RULE,
    &ebs_customer_managed_key::RULE,
    &ebs_default_encryption::RULE,
    &ebs_encryption_at_rest::RULE,
    &ebs_snapshot_block_public_access::RULE,
    &ec2_all_ports_open_to_world::RULE,
    &ec2_ami_not_public::RULE,
    &ec2_ami_owner_pinned::RULE,
    &ec2_default_security_group_closed::RULE,
    &ec2_egress_open_to_world::RULE,
    &ec2_eni_source_dest_check::RULE,
    &ec2_high_risk_ports_open_to_world::RULE,
    &ec2_http_open_to_world::RULE,
    &ec2_imds_hop_limit::RULE,
    &ec2_imdsv2_required::RULE,
    &ec2_nacl_admin_ports_open::RULE,
    &ec2_nacl_high_risk_ports_open::RULE,
    &ec2_no_public_ip::RULE,
    &ec2_no_secrets_in_user_data::RULE,
    &ec2_rdp_open_to_world::RULE,
    &ec2_spot_fleet_volume_encryption::RULE,
    &ec2_ssh_open_to_world::RULE,
    &ec2_unauthorized_ports_open_to_world::RULE,
    &ec2_volume_encryption::RULE,
    &ecr_kms_key::RULE,
    &ecr_policy_not_public::RULE,
    &ecr_scan_on_push::RULE,
    &ecr_tag_immutability::RULE,
    &ecs_capacity_provider_termination_protection::RULE,
    &ecs_container_insights::RULE,
    &ecs_container_logging::RULE,
    &ecs_efs_transit_encryption::RULE,
    &ecs_exec_logging::RULE,
    &ecs_fargate_platform_version::RULE,
    &ecs_fargate_storage_cmk::RULE,
    &ecs_no_host_network::RULE,
    &ecs_no_host_pid::RULE,
    &ecs_no_privileged_containers::RULE,
    &ecs_no_public_ip::RULE,
    &ecs_non_root_user::RULE,
    &ecs_read_only_root_filesystem::RULE,
    &ecs_secrets_not_in_environment::RULE,
    &ecs_separate_task_role::RULE,
    &efs_access_point_root_directory::RULE,
    &efs_access_point_user_identity::RULE,
    &efs_automatic_backups::RULE,
    &efs_customer_managed_key::RULE,
    &efs_encryption_at_rest::RULE,
    &efs_mount_target_private_subnet::RULE,
    &eks_control_plane_logging::RULE,
    &eks_no_cluster_admin_access::RULE,
    &eks_node_remote_access::RULE,
    &eks_private_endpoint::RULE,
    &eks_secrets_encryption::RULE,
    &eks_supported_version::RULE,
    &elasticache_automatic_backups::RULE,
    &elasticache_automatic_failover::RULE,
    &elasticache_custom_subnet_group::RULE,
    &elasticache_customer_managed_key::RULE,
    &elasticache_encryption_at_rest::RULE,
    &elasticache_encryption_in_transit::RULE,
    &elasticache_minor_version_upgrade::RULE,
    &elasticache_redis_auth::RULE,
    &elasticbeanstalk_cloudwatch_logs::RULE,
    &elasticbeanstalk_enhanced_health::RULE,
    &elasticbeanstalk_https_listener::RULE,
    &elasticbeanstalk_managed_updates::RULE,
    &elb_access_logging::RULE,
    &elb_acm_certificate::RULE,
    &elb_cross_zone::RULE,
    &elb_desync_mitigation::RULE,
    &elb_https_listener::RULE,
    &elb_multi_az::RULE,
    &elb_tls_policy::RULE,
    &elbv2_access_logging::RULE,
    &elbv2_cross_zone::RULE,
    &elbv2_deletion_protection::RULE,
    &elbv2_drop_invalid_headers::RULE,
    &elbv2_health_check_encrypted::RULE,
    &elbv2_https_listener::RULE,
    &elbv2_target_group_encrypted::RULE,
    &elbv2_tls_policy::RULE,
    &emr_at_rest_encryption::RULE,
    &emr_block_public_access::RULE,
    &emr_cluster_security_configuration::RULE,
    &emr_in_transit_encryption::RULE,
    &emr_primary_node_private::RULE,
    &events_bus_kms_key::RULE,
    &events_bus_policy_not_public::RULE,
    &events_target_dead_letter_queue::RULE,
    &firehose_customer_managed_key::RULE,
    &firehose_encryption_at_rest::RULE,
    &fsx_backup_retention::RULE,
    &fsx_kms_encryption::RULE,
    &fsx_multi_az::RULE,
    &fsx_windows_audit_logs::RULE,
    &glacier_vault_policy_not_public::RULE,
    &globalaccelerator_flow_logs::RULE,
    &glue_catalog_encryption::RULE,
    &glue_connection_password_encryption::RULE,
    &glue_connection_ssl::RULE,
    &glue_ml_transform_encryption::RULE,
    &glue_resource_policy_not_public::RULE,
    &glue_security_configuration::RULE,
    &glue_security_configuration_encryption::RULE,
    &glue_supported_version::RULE,
    &guardduty_ec2_runtime_monitoring::RULE,
    &guardduty_ecs_runtime_monitoring::RULE,
    &guardduty_eks_audit_logs::RULE,
    &guardduty_eks_runtime_monitoring::RULE,
    &guardduty_enabled::RULE,
    &guardduty_lambda_protection::RULE,
    &guardduty_malware_protection::RULE,
    &guardduty_rds_protection::RULE,
    &guardduty_runtime_monitoring::RULE,
    &guardduty_s3_protection::RULE,
    &iam_no_access_keys::RULE,
    &iam_no_admin_policy::RULE,
    &iam_no_credentials_exposure::RULE,
    &iam_no_data_exfiltration::RULE,
    &iam_no_kms_decrypt_all_keys::RULE,
    &iam_no_privilege_escalation::RULE,
    &iam_no_user_policies::RULE,
    &iam_no_wildcard_actions::RULE,
    &iam_oidc_trust_restricted::RULE,
    &iam_password_complexity::RULE,
    &iam_password_max_age::RULE,
    &iam_password_policy::RULE,
    &iam_permissions_management_constrained::RULE,
    &iam_trust_policy_restricted::RULE,
    &iam_user_no_console_password::RULE,
    &iam_write_access_constrained::RULE,
    &imagebuilder_kms_key::RULE,
    &inspector_ec2_scanning::RULE,
    &inspector_ecr_scanning::RULE,
    &inspector_lambda_code_scanning::RULE,
    &inspector_lambda_scanning::RULE,
    &iot_policy_least_privilege::RULE,
    &kendra_index_kms::RULE,
    &keyspaces_customer_managed_key::RULE,
    &keyspaces_point_in_time_recovery::RULE,
    &kinesis_customer_managed_key::RULE,
    &kinesis_encryption_at_rest::RULE,
    &kinesis_retention_period::RULE,
    &kinesisvideo_customer_managed_key::RULE,
    &kms_key_policy_defined::RULE,
    &kms_key_rotation::RULE,
    &kms_policy_no_wildcard_principal::RULE,
    &lambda_env_kms_encryption::RULE,
    &lambda_failed_event_destination::RULE,
    &lambda_function_url_auth::RULE,
    &lambda_inside_vpc::RULE,
    &lambda_multi_az::RULE,
    &lambda_no_public_invoke::RULE,
    &lambda_no_secrets_in_environment::RULE,
    &lambda_supported_runtime::RULE,
    &lambda_xray_tracing::RULE,
    &lightsail_admin_ports_open::RULE,
    &lightsail_bucket_not_public::RULE,
    &lightsail_database_backups::RULE,
    &lightsail_database_not_public::RULE,
    &lightsail_instance_auto_snapshot::RULE,
    &logs_kms_encryption::RULE,
    &logs_resource_policy_not_public::RULE,
    &logs_retention::RULE,
    &logs_security_metric_filter_alarm::RULE,
    &macie_enabled::RULE,
    &memorydb_customer_managed_key::RULE,
    &memorydb_no_open_access::RULE,
    &memorydb_tls::RULE,
    &mq_auto_minor_version_upgrade::RULE,
    &mq_kms_key::RULE,
    &mq_logging::RULE,
    &mq_no_public_access::RULE,
    &msk_broker_logging::RULE,
    &msk_encryption_in_transit::RULE,
    &msk_kms_encryption::RULE,
    &msk_no_unauthenticated_access::RULE,
    &msk_public_access_disabled::RULE,
    &mskconnect_encryption_in_transit::RULE,
    &mskconnect_logging::RULE,
    &mwaa_logging::RULE,
    &mwaa_not_public::RULE,
    &neptune_audit_logs::RULE,
    &neptune_backup_retention::RULE,
    &neptune_customer_managed_key::RULE,
    &neptune_deletion_protection::RULE,
    &neptune_encryption_at_rest::RULE,
    &neptune_iam_auth::RULE,
    &neptune_instance_not_public::RULE,
    &neptune_minor_version_upgrade::RULE,
    &neptune_snapshot_encryption::RULE,
    &networkfirewall_change_protection::RULE,
    &networkfirewall_customer_managed_key::RULE,
    &networkfirewall_logging::RULE,
    &networkfirewall_policy::RULE,
    &networkfirewall_rule_group_not_empty::RULE,
    &opensearch_access_policy_not_public::RULE,
    &opensearch_audit_logging::RULE,
    &opensearch_customer_managed_key::RULE,
    &opensearch_data_nodes::RULE,
    &opensearch_dedicated_masters::RULE,
    &opensearch_encryption_at_rest::RULE,
    &opensearch_error_logging::RULE,
    &opensearch_fine_grained_access::RULE,
    &opensearch_https_required::RULE,
    &opensearch_in_vpc::RULE,
    &opensearch_node_to_node_encryption::RULE,
    &opensearch_security_groups::RULE,
    &organizations_all_features::RULE,
    &organizations_region_deny_scp::RULE,
    &ram_no_external_principals::RULE,
    &rds_aurora_mysql_audit::RULE,
    &rds_backtracking::RULE,
    &rds_backup_retention::RULE,
    &rds_ca_certificate::RULE,
    &rds_cluster_backup_retention::RULE,
    &rds_cluster_minor_version_upgrade::RULE,
    &rds_cluster_multi_az::RULE,
    &rds_custom_admin_username::RULE,
    &rds_customer_managed_key::RULE,
    &rds_deletion_protection::RULE,
    &rds_encryption_at_rest::RULE,
    &rds_enhanced_monitoring::RULE,
    &rds_event_subscription::RULE,
    &rds_global_cluster_encryption::RULE,
    &rds_iam_authentication::RULE,
    &rds_log_exports::RULE,
    &rds_minor_version_upgrade::RULE,
    &rds_multi_az::RULE,
    &rds_no_plaintext_password::RULE,
    &rds_no_public_subnet::RULE,
    &rds_non_default_port::RULE,
    &rds_not_public::RULE,
    &rds_performance_insights_key::RULE,
    &rds_proxy_tls::RULE,
    &rds_snapshot_encryption::RULE,
    &rds_snapshot_not_public::RULE,
    &rds_tls_enforced::RULE,
    &redshift_audit_logging::RULE,
    &redshift_automated_snapshots::RULE,
    &redshift_custom_admin_username::RULE,
    &redshift_customer_managed_key::RULE,
    &redshift_encryption_at_rest::RULE,
    &redshift_enhanced_vpc_routing::RULE,
    &redshift_multi_az::RULE,
    &redshift_not_public::RULE,
    &redshift_port_restricted::RULE,
    &redshift_tls_enforced::RULE,
    &redshift_version_upgrade::RULE,
    &redshiftserverless_custom_admin_username::RULE,
    &redshiftserverless_customer_managed_key::RULE,
    &redshiftserverless_enhanced_vpc_routing::RULE,
    &redshiftserverless_log_exports::RULE,
    &redshiftserverless_not_public::RULE,
    &redshiftserverless_require_ssl::RULE,
    &region_data_residency::RULE,
    &route53_dnssec::RULE,
    &route53_query_logging::RULE,
    &route53domains_transfer_lock::RULE,
    &s3_access_logging::RULE,
    &s3_access_point_public_access_block::RULE,
    &s3_account_public_access_block::RULE,
    &s3_acls_disabled::RULE,
    &s3_encryption_at_rest::RULE,
    &s3_kms_encryption::RULE,
    &s3_lifecycle_configuration::RULE,
    &s3_mrap_public_access_block::RULE,
    &s3_object_kms_encryption::RULE,
    &s3_object_lock::RULE,
    &s3_policy_no_wildcard_principal::RULE,
    &s3_public_access_block::RULE,
    &s3_public_acl::RULE,
    &s3_replication::RULE,
    &s3_replication_residency::RULE,
    &s3_tls_only::RULE,
    &s3_versioning::RULE,
    &s3express_lifecycle_configuration::RULE,
    &sagemaker_domain_kms::RULE,
    &sagemaker_domain_vpc_only::RULE,
    &sagemaker_endpoint_config_kms::RULE,
    &sagemaker_endpoint_instance_count::RULE,
    &sagemaker_feature_group_kms::RULE,
    &sagemaker_flow_definition_kms::RULE,
    &sagemaker_model_network_isolation::RULE,
    &sagemaker_monitoring_kms::RULE,
    &sagemaker_monitoring_network_isolation::RULE,
    &sagemaker_monitoring_traffic_encryption::RULE,
    &sagemaker_notebook_imdsv2::RULE,
    &sagemaker_notebook_in_vpc::RULE,
    &sagemaker_notebook_kms::RULE,
    &sagemaker_notebook_no_direct_internet::RULE,
    &sagemaker_notebook_no_root_access::RULE,
    &sagemaker_notebook_platform::RULE,
    &scheduler_kms_key::RULE,
    &secretsmanager_kms_encryption::RULE,
    &secretsmanager_policy_not_public::RULE,
    &secretsmanager_replica_residency::RULE,
    &secretsmanager_rotation::RULE,
    &secretsmanager_rotation_period::RULE,
    &securityhub_standards_enabled::RULE,
    &servicecatalog_org_sharing::RULE,
    &ses_tls_required::RULE,
    &sns_encryption_at_rest::RULE,
    &sns_kms_key::RULE,
    &sns_policy_not_public::RULE,
    &sns_subscription_dead_letter_queue::RULE,
    &sns_subscription_https::RULE,
    &sqs_encryption_at_rest::RULE,
    &sqs_kms_key::RULE,
    &sqs_policy_not_public::RULE,
    &ssm_automation_logging::RULE,
    &ssm_block_public_sharing::RULE,
    &ssm_document_not_public::RULE,
    &ssm_instance_patching::RULE,
    &ssm_parameter_kms::RULE,
    &ssm_parameter_secure_string::RULE,
    &ssm_patch_baseline_approval::RULE,
    &ssm_session_kms_encryption::RULE,
    &ssm_session_logging::RULE,
    &stepfunctions_kms_key::RULE,
    &stepfunctions_logging::RULE,
    &stepfunctions_xray_tracing::RULE,
    &storagegateway_file_share_kms::RULE,
    &storagegateway_nfs_clients::RULE,
    &storagegateway_smb_audit_logs::RULE,
    &storagegateway_smb_no_guest::RULE,
    &timestream_customer_managed_key::RULE,
    &transfer_connector_logging::RULE,
    &transfer_logging::RULE,
    &transfer_no_ftp::RULE,
    &transfer_not_public::RULE,
    &transfer_security_policy::RULE,
    &transitgateway_no_auto_accept::RULE,
    &vpc_block_public_access::RULE,
    &vpc_endpoint_policy_restricted::RULE,
    &vpc_endpoint_service_acceptance::RULE,
    &vpc_endpoint_service_not_public::RULE,
    &vpc_flow_logs::RULE,
    &vpc_peering_route_least_access::RULE,
    &vpc_subnet_no_auto_public_ip::RULE,
    &vpn_ikev2_only::RULE,
    &vpn_tunnel_logging::RULE,
    &waf_associated::RULE,
    &waf_classic_logging::RULE,
    &waf_cloudwatch_metrics::RULE,
    &waf_known_bad_inputs::RULE,
    &waf_logging::RULE,
    &waf_rule_not_empty::RULE,
    &waf_web_acl_not_empty::RULE,
    &workspaces_root_volume_encryption::RULE,
    &workspaces_user_volume_encryption::RULE,
];

/// Rules that run only when `enable` (onus.toml) or `--rule` names them by
/// id or by a peer check id they map: hardening options a team chooses for
/// some of its resources, not duties every workload must meet. Left off by
/// default, they would flag nearly every resource of their type. Each keeps
/// its control and peer mappings (docs/COVERAGE.md); `onus rules` marks it.
pub const OPT_IN: &[&str] = &[
    // Tracing requests is observability, not an audit or access log.
    "apigateway.xray-tracing",
    // Spreading over instance types guards capacity, not data.
    "autoscaling.multiple-instance-types",
    // AWS Backup plans are one way to back up; each data store's own
    // backups (RDS retention, DynamoDB PITR, EFS backups) are judged by its
    // rules, and plans are often managed for the organisation elsewhere.
    "backup.resource-covered",
    // A second origin is an availability design for some distributions.
    "cloudfront.origin-failover",
    // Restricting egress is a data-perimeter hardening; every security group
    // allows all egress by default and most workloads need some.
    "ec2.egress-open-to-world",
    // The default key policy leaves the key to IAM policies, which the IAM
    // rules judge; writing one separates key administrators from users.
    "kms.key-policy-defined",
    // A function outside a VPC accepts no inbound network traffic; a VPC is
    // needed only to reach private resources.
    "lambda.inside-vpc",
    "lambda.xray-tracing",
    // A non-default port is obscurity: exposure is the security groups'.
    "rds.non-default-port",
    // Storage-class and expiry rules manage cost and retention, a choice
    // per data set.
    "s3.lifecycle-configuration",
    // WORM retention is a compliance choice for some data.
    "s3.object-lock",
    // Cross-Region copies are a disaster-recovery choice for some data.
    "s3.replication",
];

/// Every rule: the built-in ones, then those loaded at run time
/// ([`crate::custom`]).
pub fn all() -> &'static [&'static Rule] {
    crate::custom::all().unwrap_or(ALL)
}

/// A rule by id, built-in or loaded at run time.
pub fn by_id(id: &str) -> Option<&'static Rule> {
    all().iter().copied().find(|r| r.id == id)
}
