# METADATA
# title: Data stores say how sensitive their data is
# description: |
#   Every data store carries a `data-classification` tag set to one of our four
#   levels (public, internal, confidential, restricted), so that access
#   reviews, backups and retention follow the data's sensitivity. Classifying
#   data is always the customer's duty: AWS cannot know what a bucket or a
#   database holds.
# custom:
#   id: acme.data-classification
#   duty: data-classification
#   severity: medium
#   cloudformation: [AWS::S3::Bucket, AWS::RDS::DBInstance, AWS::RDS::DBCluster, AWS::DynamoDB::Table, AWS::EFS::FileSystem]
#   terraform: [aws_s3_bucket, aws_db_instance, aws_rds_cluster, aws_dynamodb_table, aws_efs_file_system]
package acme.data_classification

import data.onus
import rego.v1

levels := {"public", "internal", "confidential", "restricted"}

properties := input.resource.properties

# Where the tags live: CloudFormation `Tags`, Terraform `tags`.
tags_path := "Tags" if input.resource.format in {"cloudformation", "sam", "aws"}

else := "tags"

# Where the classification tag's value is, to point at it.
value_path := sprintf("Tags[%d].Value", [i]) if {
	some i, t in properties.Tags
	t.Key == "data-classification"
} else := ["tags", "data-classification"]

level := onus.tag(properties, "data-classification")

# The explicit form: one verdict, met, not met or unknown.
verdict := {"status": "unknown", "msg": "the tags are not resolved statically", "path": tags_path} if {
	onus.tags_unresolved(properties)
} else := {"status": "not-met", "msg": "no data-classification tag", "path": tags_path} if {
	not level
} else := {"status": "unknown", "msg": onus.why(level), "path": value_path} if {
	not onus.resolved(level)
} else := {"status": "not-met", "msg": msg, "path": value_path} if {
	not level in levels
	msg := sprintf("data-classification %v is not one of %s", [level, concat(", ", sort(levels))])
} else := {"status": "met", "msg": sprintf("classified %s", [level]), "path": value_path}
