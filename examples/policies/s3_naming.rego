# METADATA
# title: S3 bucket names follow the naming convention
# description: |
#   Bucket names are `acme-<environment>-<name>` (environment dev, staging or
#   prod), because our IAM policies and SCPs grant and deny access by that
#   prefix: a bucket named otherwise falls outside every one of them. Access
#   to the data in S3 is the customer's duty.
# custom:
#   id: acme.s3-naming
#   duty: access-control
#   severity: medium
#   cloudformation: [AWS::S3::Bucket]
#   terraform: [aws_s3_bucket]
package acme.s3_naming

import data.onus
import rego.v1

pattern := `^acme-(dev|staging|prod)-[a-z0-9][a-z0-9-]{1,40}[a-z0-9]$`

prefix_pattern := `^acme-(dev|staging|prod)-`

properties := input.resource.properties

name_path := "BucketName" if input.resource.format in {"cloudformation", "sam", "aws"}

else := "bucket"

name := properties[name_path]

# conftest's `violation`: names outside the convention, one per branch.
violation contains {"msg": sprintf("bucket name %s does not match %s", [n, pattern]), "path": name_path} if {
	some n in onus.values(name)
	is_string(n)
	not regex.match(pattern, n)
}

violation contains {"msg": sprintf("bucket prefix %s does not match %s", [p, prefix_pattern]), "path": "bucket_prefix"} if {
	some p in onus.values(properties.bucket_prefix)
	is_string(p)
	not regex.match(prefix_pattern, p)
}

violation contains {"msg": "no bucket name: the name is generated, outside the convention", "path": name_path} if {
	not name
	not properties.bucket_prefix
}

# Names onus could not resolve: only the explicit form can say unknown.
verdict contains {"status": "unknown", "msg": onus.why(n), "path": name_path} if {
	some n in onus.values(name)
	not onus.resolved(n)
}
