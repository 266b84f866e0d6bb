package acme.s3_naming_test

import data.acme.s3_naming
import rego.v1

bucket(properties) := {"resource": {"type": "AWS::S3::Bucket", "format": "cloudformation", "properties": properties}}

tf_bucket(properties) := {"resource": {"type": "aws_s3_bucket", "format": "terraform", "properties": properties}}

test_conventional_name_passes if {
	count(s3_naming.violation) == 0 with input as bucket({"BucketName": "acme-prod-orders"})
	count(s3_naming.verdict) == 0 with input as bucket({"BucketName": "acme-prod-orders"})
}

test_other_name_is_a_violation if {
	some v in s3_naming.violation with input as tf_bucket({"bucket": "shop-assets"})
	v.path == "bucket"
}

test_conventional_prefix_passes if {
	count(s3_naming.violation) == 0 with input as tf_bucket({"bucket_prefix": "acme-dev-"})
}

test_generated_name_is_a_violation if {
	count(s3_naming.violation) == 1 with input as bucket({})
}

test_name_from_a_parameter_is_unknown if {
	some v in s3_naming.verdict with input as bucket({"BucketName": {"$unknown": "parameter Name has no default"}})
	v.status == "unknown"
	count(s3_naming.violation) == 0 with input as bucket({"BucketName": {"$unknown": "parameter Name has no default"}})
}
