package acme.region_per_tag_test

import data.acme.region_per_tag
import rego.v1

bucket(region, tags) := {"resource": {"type": "aws_s3_bucket", "format": "terraform", "region": region, "properties": {"tags": tags}}}

test_untagged_resource_in_a_default_region_is_met if {
	region_per_tag.verdict.status == "met" with input as bucket("eu-west-1", {})
}

test_tagged_resource_in_its_units_region_is_met if {
	region_per_tag.verdict.status == "met" with input as bucket("us-west-2", {"business-unit": "us"})
}

test_resource_outside_its_units_regions_is_not_met if {
	v := region_per_tag.verdict with input as bucket("eu-west-1", {"business-unit": "us"})
	v.status == "not-met"
	contains(v.msg, "us-east-1, us-west-2")
}

test_unknown_unit_is_not_met if {
	region_per_tag.verdict.status == "not-met" with input as bucket("eu-west-1", {"business-unit": "apac"})
}

test_region_chosen_at_deploy_time_is_unknown if {
	region := {"$unknown": "no --region given: the stack's Region is chosen at deploy time"}
	v := region_per_tag.verdict with input as {"resource": {"type": "AWS::S3::Bucket", "format": "cloudformation", "region": region, "properties": {}}}
	v.status == "unknown"
	v.msg == region["$unknown"]
}
