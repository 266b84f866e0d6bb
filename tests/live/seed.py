"""Creates the live-scan test workload in a moto server (never real AWS).

usage: seed.py ENDPOINT_URL [--bulk N]

Region us-east-1 gets the `orders` stack (tests/live/orders.yaml, deployed
through moto's CloudFormation) and resources no code declares, compliant and
not; eu-west-1 gets a second set. Prints a JSON summary of what it made.
--bulk N instead creates about N resources over both Regions, for the
benchmark (BENCHMARKS.md).
"""

import json
import os
import sys
import zipfile
import io

import boto3

URL = sys.argv[1]
if not URL.startswith("http://127.0.0.1:"):
    sys.exit("seed.py only talks to a local emulator on 127.0.0.1")
KW = dict(endpoint_url=URL, aws_access_key_id="testing", aws_secret_access_key="testing")
A, B = "us-east-1", "eu-west-1"
HERE = os.path.dirname(os.path.abspath(__file__))


def c(service, region=A):
    return boto3.client(service, region_name=region, **KW)


def bulk(n):
    """About n resources, half per Region: buckets, queues, topics, tables,
    security groups, log groups; every fifth one left non-compliant."""
    per_region = n // 2
    kinds = 6
    made = 0
    for region in (A, B):
        s3, sqs, sns, ddb, ec2, logs = (c(s, region) for s in ("s3", "sqs", "sns", "dynamodb", "ec2", "logs"))
        for i in range(per_region // kinds):
            bad = i % 5 == 0
            name = f"bulk-{region}-{i}"
            if region == A:
                s3.create_bucket(Bucket=name)
            else:
                s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": region})
            if not bad:
                s3.put_public_access_block(Bucket=name, PublicAccessBlockConfiguration={
                    "BlockPublicAcls": True, "IgnorePublicAcls": True,
                    "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
            attrs = {} if bad else {"KmsMasterKeyId": "alias/aws/sqs"}
            sqs.create_queue(QueueName=name, Attributes=attrs)
            sns.create_topic(Name=name, Attributes={} if bad else {"KmsMasterKeyId": "alias/aws/sns"})
            ddb.create_table(TableName=name, BillingMode="PAY_PER_REQUEST",
                             AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                             KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}])
            sg = ec2.create_security_group(GroupName=name, Description="bulk")["GroupId"]
            if bad:
                ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[{
                    "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
            logs.create_log_group(logGroupName=f"/bulk/{name}")
            if not bad:
                logs.put_retention_policy(logGroupName=f"/bulk/{name}", retentionInDays=365)
            made += kinds
    print(json.dumps({"created": made}))


def seed():
    made = {}
    # The stack: code and account side by side.
    cfn = c("cloudformation")
    with open(os.path.join(HERE, "orders.yaml")) as f:
        cfn.create_stack(StackName="orders", TemplateBody=f.read())
    made["stack"] = cfn.describe_stacks(StackName="orders")["Stacks"][0]["StackStatus"]
    # Drift: someone switched the queue's encryption off by hand after the
    # deploy, so the code says met and the account not met.
    q = c("sqs").get_queue_url(QueueName="onus-live-orders")["QueueUrl"]
    c("sqs").set_queue_attributes(QueueUrl=q, Attributes={"KmsMasterKeyId": "", "SqsManagedSseEnabled": "false"})

    s3 = c("s3")
    # Unmanaged, not compliant: no Block Public Access, a public-read policy.
    s3.create_bucket(Bucket="onus-live-manual-uploads")
    s3.put_bucket_policy(Bucket="onus-live-manual-uploads", Policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                       "Resource": "arn:aws:s3:::onus-live-manual-uploads/*"}]}))
    # Unmanaged, compliant.
    s3.create_bucket(Bucket="onus-live-audit")
    s3.put_public_access_block(Bucket="onus-live-audit", PublicAccessBlockConfiguration={
        "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
    s3.put_bucket_versioning(Bucket="onus-live-audit", VersioningConfiguration={"Status": "Enabled"})
    s3.put_bucket_encryption(Bucket="onus-live-audit", ServerSideEncryptionConfiguration={
        "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]})

    ec2 = c("ec2")
    sg = ec2.create_security_group(GroupName="onus-live-legacy-ssh", Description="legacy")["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    ec2.create_volume(AvailabilityZone=f"{A}a", Size=8, Encrypted=False)
    ec2.create_volume(AvailabilityZone=f"{A}a", Size=8, Encrypted=True)

    rds = c("rds")
    rds.create_db_instance(DBInstanceIdentifier="onus-live-legacy-db", DBInstanceClass="db.t3.micro",
                           Engine="postgres", MasterUsername="admin", MasterUserPassword="password123",
                           AllocatedStorage=20, PubliclyAccessible=True, StorageEncrypted=False)
    rds.create_db_instance(DBInstanceIdentifier="onus-live-orders-db", DBInstanceClass="db.t3.micro",
                           Engine="postgres", MasterUsername="admin", MasterUserPassword="password123",
                           AllocatedStorage=20, PubliclyAccessible=False, StorageEncrypted=True,
                           BackupRetentionPeriod=7, DeletionProtection=True, MultiAZ=True)

    iam = c("iam")
    iam.create_user(UserName="onus-live-deployer")
    iam.create_access_key(UserName="onus-live-deployer")
    iam.put_user_policy(UserName="onus-live-deployer", PolicyName="admin", PolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
    iam.update_account_password_policy(MinimumPasswordLength=8)

    kms = c("kms")
    kms.create_key(Description="no rotation")

    # Audit and detection in us-east-1 only: eu-west-1 shows what is missing.
    s3.create_bucket(Bucket="onus-live-trail")
    ct = c("cloudtrail")
    ct.create_trail(Name="onus-live-trail", S3BucketName="onus-live-trail", IsMultiRegionTrail=True,
                    EnableLogFileValidation=True)
    ct.start_logging(Name="onus-live-trail")
    c("guardduty").create_detector(Enable=True)
    cfg = c("config")
    cfg.put_configuration_recorder(ConfigurationRecorder={
        "name": "default", "roleARN": "arn:aws:iam::123456789012:role/config",
        "recordingGroup": {"allSupported": True, "includeGlobalResourceTypes": True}})
    cfg.put_delivery_channel(DeliveryChannel={"name": "default", "s3BucketName": "onus-live-trail"})
    cfg.start_configuration_recorder(ConfigurationRecorderName="default")
    c("securityhub").enable_security_hub(EnableDefaultStandards=True)
    # IAM Access Analyzer: moto 5 has none; the tests answer ListAnalyzers
    # with the documented response (crates/onus-cli/tests/live.rs).

    # eu-west-1: encryption by default on, an unencrypted queue, a table.
    c("ec2", B).enable_ebs_encryption_by_default()
    c("s3", B).create_bucket(Bucket="onus-live-eu-data", CreateBucketConfiguration={"LocationConstraint": B})
    c("sqs", B).create_queue(QueueName="onus-live-eu-plain")
    c("dynamodb", B).create_table(TableName="onus-live-eu-sessions", BillingMode="PAY_PER_REQUEST",
                                  AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                                  KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}])
    print(json.dumps(made))


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[2] == "--bulk":
        bulk(int(sys.argv[3]))
    else:
        seed()
