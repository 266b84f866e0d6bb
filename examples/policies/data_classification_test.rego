package acme.data_classification_test

import data.acme.data_classification
import rego.v1

bucket(tags) := {"resource": {"type": "AWS::S3::Bucket", "format": "cloudformation", "properties": {"Tags": tags}}}

tf_bucket(tags) := {"resource": {"type": "aws_s3_bucket", "format": "terraform", "properties": {"tags": tags}}}

test_cloudformation_bucket_with_a_level_is_met if {
	v := data_classification.verdict with input as bucket([{"Key": "data-classification", "Value": "confidential"}])
	v.status == "met"
	v.path == "Tags[0].Value"
}

test_terraform_database_with_a_level_is_met if {
	v := data_classification.verdict with input as tf_bucket({"data-classification": "internal", "team": "web"})
	v.status == "met"
}

test_missing_tag_is_not_met if {
	v := data_classification.verdict with input as tf_bucket({"team": "web"})
	v.status == "not-met"
	v.path == "tags"
}

test_no_tags_at_all_is_not_met if {
	v := data_classification.verdict with input as {"resource": {"format": "cloudformation", "properties": {}}}
	v.status == "not-met"
	v.path == "Tags"
}

test_unknown_level_is_not_met if {
	v := data_classification.verdict with input as bucket([{"Key": "data-classification", "Value": "secret"}])
	v.status == "not-met"
	contains(v.msg, "secret")
}

test_level_from_a_parameter_is_unknown if {
	level := {"$unknown": "parameter Level has no default"}
	v := data_classification.verdict with input as bucket([{"Key": "data-classification", "Value": level}])
	v.status == "unknown"
	v.msg == "parameter Level has no default"
}

test_tags_from_a_variable_are_unknown if {
	v := data_classification.verdict with input as tf_bucket({"$unknown": "var.tags has no value"})
	v.status == "unknown"
}
