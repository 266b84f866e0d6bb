# METADATA
# title: Data is encrypted with keys of the security account
# description: |
#   Customer managed KMS keys come from our security account, where key
#   policies, rotation and deletion are controlled centrally; a workload does
#   not create its own keys. Managing encryption keys is the customer's duty
#   whatever the service's category.
# custom:
#   id: acme.kms-key-account
#   duty: key-management
#   severity: high
#   cloudformation: [AWS::S3::Bucket, AWS::RDS::DBInstance, AWS::SQS::Queue, AWS::EC2::Volume]
#   terraform: [aws_s3_bucket_server_side_encryption_configuration, aws_db_instance, aws_sqs_queue, aws_ebs_volume]
package acme.kms_account

import data.onus
import rego.v1

security_accounts := {"111122223333"}

properties := input.resource.properties

# The key settings of the resource: [property path, value].
keys contains [path, key] if {
	input.resource.type == "AWS::S3::Bucket"
	some i, rule in properties.BucketEncryption.ServerSideEncryptionConfiguration
	key := rule.ServerSideEncryptionByDefault.KMSMasterKeyID
	path := sprintf("BucketEncryption.ServerSideEncryptionConfiguration[%d].ServerSideEncryptionByDefault.KMSMasterKeyID", [i])
}

keys contains [path, key] if {
	input.resource.type == "aws_s3_bucket_server_side_encryption_configuration"
	some i, rule in properties.rule
	some j, by_default in rule.apply_server_side_encryption_by_default
	key := by_default.kms_master_key_id
	path := sprintf("rule[%d].apply_server_side_encryption_by_default[%d].kms_master_key_id", [i, j])
}

key_property := {
	"AWS::RDS::DBInstance": "KmsKeyId",
	"AWS::SQS::Queue": "KmsMasterKeyId",
	"AWS::EC2::Volume": "KmsKeyId",
	"aws_db_instance": "kms_key_id",
	"aws_sqs_queue": "kms_master_key_id",
	"aws_ebs_volume": "kms_key_id",
}

keys contains [name, properties[name]] if name := key_property[input.resource.type]

# The account of a key or alias ARN.
account(arn) := parts[4] if {
	startswith(arn, "arn:")
	parts := split(arn, ":")
	count(parts) > 5
}

judge(path, key) := {"status": "unknown", "msg": onus.why(key), "path": path} if {
	onus.unknown(key)
} else := {"status": "not-met", "msg": msg, "path": path} if {
	onus.reference(key)
	msg := sprintf("the key is %s, created in the workload's own account, not taken from the security account", [key["$ref"]])
} else := {"status": "not-met", "msg": "an AWS managed key, not one of the security account", "path": path} if {
	startswith(key, "alias/aws/")
} else := {"status": "met", "msg": sprintf("a key of the security account %s", [account(key)]), "path": path} if {
	account(key) in security_accounts
} else := {"status": "not-met", "msg": msg, "path": path} if {
	msg := sprintf("a key of account %s, not of the security account", [account(key)])
} else := {"status": "not-met", "msg": sprintf("%s resolves in the deploying account, not the security account", [key]), "path": path}

verdict contains judge(path, key) if {
	some [path, value] in keys
	some key in onus.values(value)
	key != null
}

verdict contains {"status": "not-applicable", "msg": "no customer managed key is named here"} if {
	count({k | some [_, v] in keys; some k in onus.values(v); k != null}) == 0
}
