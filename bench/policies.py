#!/usr/bin/env python3
"""Writes N custom Rego policies for the policy benchmark (bench/policies.sh).

Ten kinds of policy, the kinds teams write (a required tag, allowed instance
families, keys of the security account, Regions per unit, naming, runtimes,
open ports, IAM boundaries, table and database settings), each in several
variants with their own parameters, over the resource types the generated
corpus holds (crates/onus-corpus). Deterministic: the same N gives the same
files.

    bench/policies.py N OUT_DIR
"""

import os
import sys

HEADER = """# METADATA
# title: {title}
# custom:
#   id: bench.{name}
#   duty: {duty}
#   severity: medium
#   cloudformation: [{cfn}]
#   terraform: [{tf}]
package bench.{package}

import data.onus
import rego.v1

properties := input.resource.properties

"""

KINDS = [
    # (title, duty, cfn types, tf types, body with {p} for the variant's parameter)
    (
        "Data stores carry the {p} tag",
        "data-classification",
        "AWS::S3::Bucket, AWS::RDS::DBInstance, AWS::DynamoDB::Table, AWS::SQS::Queue, AWS::SNS::Topic",
        "aws_s3_bucket, aws_db_instance, aws_dynamodb_table, aws_sqs_queue",
        """verdict := {{"status": "unknown", "msg": "tags unresolved"}} if {{
	onus.tags_unresolved(properties)
}} else := {{"status": "not-met", "msg": "no {p} tag", "path": "Tags"}} if {{
	not onus.tag(properties, "{p}")
}} else := {{"status": "met", "msg": "tagged"}}
""",
    ),
    (
        "Instances use the {p} families",
        "os-patching",
        "AWS::EC2::Instance",
        "aws_instance",
        """approved := {{f | some f in split("{p}", ",")}}

instance_type := properties.InstanceType if input.resource.format == "cloudformation"

else := properties.instance_type

deny contains {{"msg": sprintf("%s is not approved", [t]), "path": "InstanceType"}} if {{
	some t in onus.values(instance_type)
	is_string(t)
	not split(t, ".")[0] in approved
}}

verdict contains {{"status": "unknown", "msg": onus.why(t)}} if {{
	some t in onus.values(instance_type)
	not onus.resolved(t)
}}
""",
    ),
    (
        "Keys come from account {p}",
        "key-management",
        "AWS::S3::Bucket, AWS::RDS::DBInstance, AWS::SQS::Queue",
        "aws_s3_bucket_server_side_encryption_configuration, aws_db_instance, aws_sqs_queue",
        """keys contains k if {{
	some rule in properties.BucketEncryption.ServerSideEncryptionConfiguration
	k := rule.ServerSideEncryptionByDefault.KMSMasterKeyID
}}

keys contains k if {{
	some rule in properties.rule
	some d in rule.apply_server_side_encryption_by_default
	k := d.kms_master_key_id
}}

keys contains properties[name] if some name in ["KmsKeyId", "KmsMasterKeyId", "kms_key_id", "kms_master_key_id"]

verdict contains {{"status": "unknown", "msg": onus.why(k)}} if {{
	some k in keys
	not onus.resolved(k)
	not onus.reference(k)
}}

verdict contains {{"status": "not-met", "msg": "a key of this workload"}} if {{
	some k in keys
	onus.reference(k)
}}

verdict contains {{"status": "not-met", "msg": sprintf("%s is not of account {p}", [k])}} if {{
	some k in keys
	is_string(k)
	not contains(k, ":{p}:")
}}
""",
    ),
    (
        "Resources stay in {p}",
        "data-residency",
        "AWS::S3::Bucket, AWS::RDS::DBInstance, AWS::DynamoDB::Table, AWS::EC2::Instance",
        "aws_s3_bucket, aws_db_instance, aws_dynamodb_table, aws_instance",
        """allowed := {{r | some r in split("{p}", ",")}}

verdict := {{"status": "unknown", "msg": onus.why(input.resource.region)}} if {{
	not onus.resolved(input.resource.region)
}} else := {{"status": "not-met", "msg": input.resource.region}} if {{
	not input.resource.region in allowed
}} else := {{"status": "met", "msg": input.resource.region}}
""",
    ),
    (
        "Bucket names start with {p}",
        "access-control",
        "AWS::S3::Bucket",
        "aws_s3_bucket",
        """name := properties.BucketName if input.resource.format == "cloudformation"

else := properties.bucket

violation contains {{"msg": sprintf("%s does not start with {p}", [n]), "path": "BucketName"}} if {{
	some n in onus.values(name)
	is_string(n)
	not regex.match(`^{p}[a-z0-9-]+$`, n)
}}

verdict contains {{"status": "unknown", "msg": onus.why(n)}} if {{
	some n in onus.values(name)
	not onus.resolved(n)
}}
""",
    ),
    (
        "Functions run the {p} runtimes",
        "platform-patching",
        "AWS::Lambda::Function",
        "aws_lambda_function",
        """allowed := {{r | some r in split("{p}", ",")}}

runtime := object.get(properties, "Runtime", object.get(properties, "runtime", null))

deny contains {{"msg": sprintf("runtime %v is not allowed", [r])}} if {{
	some r in onus.values(runtime)
	is_string(r)
	not r in allowed
}}
""",
    ),
    (
        "No security group opens port {p} to the world",
        "network-exposure",
        "AWS::EC2::SecurityGroup",
        "aws_security_group",
        """rules contains r if some r in properties.SecurityGroupIngress

rules contains r if some r in properties.ingress

open(r) if r.CidrIp == "0.0.0.0/0"

open(r) if "0.0.0.0/0" in r.cidr_blocks

covers(r) if {{
	from := object.get(r, "FromPort", object.get(r, "from_port", -1))
	to := object.get(r, "ToPort", object.get(r, "to_port", -1))
	to_number(from) <= {p}
	{p} <= to_number(to)
}}

deny contains sprintf("port {p} open to the world", []) if {{
	some r in rules
	open(r)
	covers(r)
}}
""",
    ),
    (
        "Roles carry the {p} permissions boundary",
        "access-control",
        "AWS::IAM::Role",
        "aws_iam_role",
        """boundary := object.get(properties, "PermissionsBoundary", object.get(properties, "permissions_boundary", null))

verdict := {{"status": "not-met", "msg": "no permissions boundary"}} if {{
	boundary == null
}} else := {{"status": "unknown", "msg": onus.why(boundary)}} if {{
	not onus.resolved(boundary)
}} else := {{"status": "not-met", "msg": "another boundary"}} if {{
	not endswith(boundary, ":policy/{p}")
}} else := {{"status": "met", "msg": "bounded"}}
""",
    ),
    (
        "Tables use {p} billing",
        "resilience",
        "AWS::DynamoDB::Table",
        "aws_dynamodb_table",
        """mode := object.get(properties, "BillingMode", object.get(properties, "billing_mode", "PROVISIONED"))

deny contains sprintf("billing mode %v", [m]) if {{
	some m in onus.values(mode)
	is_string(m)
	m != "{p}"
}}
""",
    ),
    (
        "Databases use the {p} classes",
        "resilience",
        "AWS::RDS::DBInstance",
        "aws_db_instance",
        """allowed := {{c | some c in split("{p}", ",")}}

class := object.get(properties, "DBInstanceClass", object.get(properties, "instance_class", null))

deny contains sprintf("class %v", [c]) if {{
	some c in onus.values(class)
	is_string(c)
	not concat(".", array.slice(split(c, "."), 0, 2)) in allowed
}}
""",
    ),
]

PARAMETERS = [
    ["data-classification", "owner", "cost-center", "team", "retention"],
    ["m7i,c7i,r7i", "m6i,c6i,r6i", "t3,m5", "m7g,c7g", "t3,t3a,m6i"],
    ["111122223333", "444455556666", "777788889999", "123456789012", "210987654321"],
    ["eu-west-1,eu-central-1", "us-east-1,us-west-2", "eu-west-1", "ap-southeast-2", "eu-north-1,eu-west-3"],
    ["acme-prod-", "acme-dev-", "data-", "shop-", "team-"],
    ["python3.12,python3.13", "nodejs20.x,nodejs22.x", "java21", "provided.al2023", "python3.12,nodejs22.x"],
    ["22", "3389", "3306", "5432", "6379"],
    ["Boundary", "DevBoundary", "OpsBoundary", "DataBoundary", "AppBoundary"],
    ["PAY_PER_REQUEST", "PROVISIONED", "PAY_PER_REQUEST", "PROVISIONED", "PAY_PER_REQUEST"],
    ["db.m6g,db.r6g", "db.t3,db.t4g", "db.m7g", "db.r7g,db.x2g", "db.m5,db.r5"],
]


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        kind, variant = i % len(KINDS), i // len(KINDS) % 5
        title, duty, cfn, tf, body = KINDS[kind]
        p = PARAMETERS[kind][variant]
        name = f"p{i:03d}"
        text = HEADER.format(
            title=title.format(p=p), name=name, package=name, duty=duty, cfn=cfn, tf=tf
        ) + body.format(p=p)
        with open(os.path.join(out, f"{name}.rego"), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
