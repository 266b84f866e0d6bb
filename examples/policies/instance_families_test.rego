package acme.instance_families_test

import data.acme.instance_families
import rego.v1

instance(t) := {"resource": {"type": "AWS::EC2::Instance", "format": "cloudformation", "properties": {"InstanceType": t}}}

template(t) := {"resource": {"type": "aws_launch_template", "format": "terraform", "properties": {"instance_type": t}}}

test_approved_family_passes if {
	count(instance_families.deny) == 0 with input as instance("m7i.large")
	count(instance_families.verdict) == 0 with input as instance("m7i.large")
}

test_other_family_is_denied if {
	some d in instance_families.deny with input as template("t3.small")
	d.path == "instance_type"
	contains(d.msg, "t3.small")
}

test_every_branch_of_a_condition_is_checked if {
	count(instance_families.deny) == 1 with input as instance({"$either": ["m6i.large", "t2.micro"]})
}

test_type_from_a_parameter_is_unknown if {
	v := instance_families.verdict with input as instance({"$unknown": "parameter InstanceType has no default"})
	v == {{"status": "unknown", "msg": "parameter InstanceType has no default", "path": "InstanceType"}}
}

test_launch_template_without_a_type_does_not_apply if {
	some v in instance_families.verdict with input as {"resource": {"type": "aws_launch_template", "properties": {}}}
	v.status == "not-applicable"
}

test_instance_without_a_type_gets_the_default if {
	some v in instance_families.verdict with input as {"resource": {"type": "AWS::EC2::Instance", "properties": {}}}
	v.status == "not-met"
}
