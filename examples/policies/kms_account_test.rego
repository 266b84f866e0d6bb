package acme.kms_account_test

import data.acme.kms_account
import rego.v1

db(key) := {"resource": {"type": "aws_db_instance", "format": "terraform", "properties": {"kms_key_id": key}}}

bucket(key) := {"resource": {"type": "AWS::S3::Bucket", "format": "cloudformation", "properties": {"BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key}}]}}}}

statuses(verdicts) := {v.status | some v in verdicts}

test_key_of_the_security_account_is_met if {
	verdicts := kms_account.verdict with input as db("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
	statuses(verdicts) == {"met"}
}

test_key_of_another_account_is_not_met if {
	some v in kms_account.verdict with input as db("arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab")
	v.status == "not-met"
	v.path == "kms_key_id"
	contains(v.msg, "444455556666")
}

test_key_created_alongside_is_not_met if {
	some v in kms_account.verdict with input as bucket({"$ref": "DataKey", "attribute": null})
	v.status == "not-met"
	v.path == "BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.KMSMasterKeyID"
}

test_key_from_a_variable_is_unknown if {
	statuses(kms_account.verdict) == {"unknown"} with input as db({"$unknown": "var.kms_key_id has no value"})
}

test_bare_alias_resolves_in_the_deploying_account if {
	statuses(kms_account.verdict) == {"not-met"} with input as db("alias/orders")
}

test_no_key_does_not_apply if {
	statuses(kms_account.verdict) == {"not-applicable"} with input as db(null)
	statuses(kms_account.verdict) == {"not-applicable"} with input as {"resource": {"type": "aws_sqs_queue", "properties": {}}}
}
