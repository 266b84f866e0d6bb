# METADATA
# title: Resources stay in their business unit's Regions
# description: |
#   Each business unit keeps its data in its own Regions: the `business-unit`
#   tag names the unit, and a resource without the tag belongs to the default
#   unit (eu). Choosing the Region, and so the jurisdiction the data lives
#   under, is always the customer's duty.
# custom:
#   id: acme.region-per-business-unit
#   duty: data-residency
#   severity: high
#   cloudformation: [AWS::S3::Bucket, AWS::RDS::DBInstance, AWS::DynamoDB::Table, AWS::EC2::Instance]
#   terraform: [aws_s3_bucket, aws_db_instance, aws_dynamodb_table, aws_instance]
package acme.region_per_tag

import data.onus
import rego.v1

regions := {
	"eu": {"eu-west-1", "eu-central-1"},
	"us": {"us-east-1", "us-west-2"},
}

default_unit := "eu"

properties := input.resource.properties

region := input.resource.region

unit := u if {
	u := onus.tag(properties, "business-unit")
} else := default_unit

verdict := {"status": "unknown", "msg": "the tags are not resolved statically"} if {
	onus.tags_unresolved(properties)
} else := {"status": "unknown", "msg": onus.why(unit)} if {
	not onus.resolved(unit)
} else := {"status": "not-met", "msg": sprintf("business-unit %v is not one of %s", [unit, concat(", ", sort(object.keys(regions)))])} if {
	not regions[unit]
} else := {"status": "unknown", "msg": onus.why(region)} if {
	not onus.resolved(region)
} else := {"status": "not-met", "msg": msg} if {
	not region in regions[unit]
	msg := sprintf("in %s, but business unit %s keeps its data in %s", [region, unit, concat(", ", sort(regions[unit]))])
} else := {"status": "met", "msg": sprintf("in %s, a Region of business unit %s", [region, unit])}
