//! # ec2.no-secrets-in-user-data: EC2 user data holds no hard-coded secrets
//!
//! ## Why this is your duty
//! EC2 is an infrastructure service: what runs on the instance, and how it
//! gets its credentials, is yours. User data is readable by anyone allowed to
//! describe the instance attribute, by every process on the instance through
//! the instance metadata service, and sits in the code and every launch
//! template version; a password or key written there is no longer a secret.
//!
//! ## What AWS already does
//! Passes user data to the instance at launch (base64-encoded, not
//! encrypted) and offers instance profiles, Secrets Manager and Parameter
//! Store so that scripts fetch secrets at run time.
//!
//! ## Verdicts
//! The user data of `AWS::EC2::Instance` (`UserData`),
//! `AWS::EC2::LaunchTemplate` (`LaunchTemplateData.UserData`),
//! `AWS::AutoScaling::LaunchConfiguration` (`UserData`), Terraform
//! `aws_instance` and `aws_launch_configuration` (`user_data`,
//! `user_data_base64`) and `aws_launch_template` (`user_data`), read as
//! deployed: base64 (`Fn::Base64`, `base64encode`) is decoded first.
//! - met: no user data, or none of it holds a secret;
//! - not met: a known key format (AWS access key id, private key, GitHub,
//!   GitLab, Slack, Stripe, Google, SendGrid, npm or Twilio token, JWT,
//!   password in a URL), or an assignment such as `DB_PASSWORD=...`,
//!   `password: ...` or `--password ...` of a literal (not `$VAR` or
//!   `$(aws secretsmanager ...)`). The message shows a masked prefix only;
//! - user data onus cannot resolve (a file read at plan time, a template
//!   with unknown parts) is not judged and passes on what is visible.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Web:
//!     Type: AWS::EC2::Instance
//!     Properties:
//!       ImageId: ami-0123456789abcdef0
//!       UserData:
//!         Fn::Base64: |
//!           #!/bin/bash
//!           export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
//!           aws s3 cp s3://site/index.html /var/www/html/
//! ```
//! ```yaml pass
//! Resources:
//!   Web:
//!     Type: AWS::EC2::LaunchTemplate
//!     Properties:
//!       LaunchTemplateData:
//!         ImageId: ami-0123456789abcdef0
//!         UserData:
//!           Fn::Base64: |
//!             #!/bin/bash
//!             DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id db --query SecretString --output text)
//!             systemctl start app
//! ```
//! ```hcl fail
//! resource "aws_instance" "web" {
//!   ami           = "ami-0123456789abcdef0"
//!   instance_type = "t3.micro"
//!   user_data     = <<-EOT
//!     #!/bin/bash
//!     mysql -h db.internal -u admin --password=hunter2hunter2 < schema.sql
//!   EOT
//! }
//! ```
//! ```hcl pass
//! resource "aws_launch_template" "web" {
//!   image_id  = "ami-0123456789abcdef0"
//!   user_data = base64encode("#!/bin/bash\nsystemctl start nginx\n")
//! }
//! ```

use crate::check::get;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::secrets::judge_block;
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ec2.no-secrets-in-user-data",
    title: "EC2 user data holds no hard-coded secrets",
    duty: Duty::SecretsHandling,
    severity: Severity::High,
    cfn_types: &[
        "AWS::AutoScaling::LaunchConfiguration",
        "AWS::EC2::Instance",
        "AWS::EC2::LaunchTemplate",
    ],
    tf_types: &[
        "aws_instance",
        "aws_launch_configuration",
        "aws_launch_template",
    ],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_46", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let paths: &[&str] = match resource.resource_type.as_str() {
        "AWS::EC2::LaunchTemplate" => &["LaunchTemplateData.UserData"],
        t if t.starts_with("AWS::") => &["UserData"],
        _ => &["user_data", "user_data_base64"],
    };
    let text = cx.workload.file(resource.file).lines.text();
    let found = paths.iter().find_map(|p| get(resource, p).map(|n| (n, *p)));
    let path = found.map_or(paths[0], |(_, p)| p);
    judge_block(
        resource,
        text,
        found.map(|(n, _)| n),
        path,
        true,
        "have the instance fetch it at boot from Secrets Manager or Parameter Store with its instance profile",
        "no user data",
    )
}
