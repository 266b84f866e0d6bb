# METADATA
# title: EC2 instances use an approved instance family
# description: |
#   Our hardened AMIs are built, patched and tested for a short list of instance
#   families; an instance of another family runs an image nobody patches for
#   it. On EC2, an infrastructure service, patching the guest operating system
#   is the customer's duty.
# custom:
#   id: acme.approved-instance-families
#   duty: os-patching
#   severity: high
#   cloudformation: [AWS::EC2::Instance, AWS::EC2::LaunchTemplate]
#   terraform: [aws_instance, aws_launch_template]
package acme.instance_families

import data.onus
import rego.v1

approved := {"m7i", "c7i", "r7i", "m6i", "c6i", "r6i"}

properties := input.resource.properties

# Where the instance type is set, by resource type.
type_path := "LaunchTemplateData.InstanceType" if input.resource.type == "AWS::EC2::LaunchTemplate"

else := "InstanceType" if input.resource.type == "AWS::EC2::Instance"

else := "instance_type"

instance_type := properties.LaunchTemplateData.InstanceType if input.resource.type == "AWS::EC2::LaunchTemplate"

else := properties.InstanceType if input.resource.type == "AWS::EC2::Instance"

else := properties.instance_type

family(t) := split(t, ".")[0]

# The conftest form: one message per type outside the approved families
# (every branch of a condition is checked).
deny contains {"msg": msg, "path": type_path} if {
	some t in onus.values(instance_type)
	is_string(t)
	not family(t) in approved
	msg := sprintf("instance type %s is not of an approved family (%s)", [t, concat(", ", sort(approved))])
}

# What deny cannot say: a type onus could not resolve, or none set here.
verdict contains {"status": "unknown", "msg": onus.why(t), "path": type_path} if {
	some t in onus.values(instance_type)
	not onus.resolved(t)
}

verdict contains {"status": "not-met", "msg": "no InstanceType: EC2 launches the default m1.small", "path": ""} if {
	input.resource.type == "AWS::EC2::Instance"
	not instance_type
	not properties.LaunchTemplate
}

verdict contains {"status": "not-applicable", "msg": "no instance type here: the launch template or the launch chooses it"} if {
	not instance_type
	input.resource.type != "AWS::EC2::Instance"
}

verdict contains {"status": "not-applicable", "msg": "no instance type here: the launch template chooses it"} if {
	input.resource.type == "AWS::EC2::Instance"
	not instance_type
	properties.LaunchTemplate
}
