//! IAM action names: matching the patterns a policy writes (`s3:Put*`,
//! `iam:*`, `*`, any case) against sets of actions that matter to a rule.
//!
//! The access levels come from the AWS Service Authorization Reference:
//! `data/iam-actions.tsv` (written by `scripts/iam-actions.py`) lists, per
//! service, the actions at the `Write` and `Permissions management` levels
//! that can be limited to resource ARNs. An action that can only be granted on
//! `*` cannot be "without constraints" in that sense, so it is left out, as
//! Checkov (through cloudsplaining) does.

use std::sync::LazyLock;

/// One action of a set.
#[derive(Debug)]
pub struct Action {
    /// `iam:PassRole`, as AWS spells it.
    pub name: String,
    /// Lower-case action part, for matching.
    lower: String,
    /// False for actions that can only be granted on `Resource: "*"`.
    pub limitable: bool,
}

/// A set of actions grouped by service prefix.
#[derive(Debug, Default)]
pub struct ActionSet {
    /// (lower-case service prefix, its actions).
    services: Vec<(String, Vec<Action>)>,
}

impl ActionSet {
    /// From `service:Action` names; a leading `!` marks an action that can
    /// only be granted on `*`.
    pub fn of(names: &[&str]) -> ActionSet {
        let mut set = ActionSet::default();
        for n in names {
            let (limitable, n) = match n.strip_prefix('!') {
                Some(rest) => (false, rest),
                None => (true, *n),
            };
            if let Some((service, action)) = n.split_once(':') {
                set.push(service, action, limitable);
            }
        }
        set.sorted()
    }

    /// Sorts services and actions for [`ActionSet::matching`]'s lookups.
    fn sorted(mut self) -> ActionSet {
        self.services.sort_by(|a, b| a.0.cmp(&b.0));
        for (_, list) in &mut self.services {
            list.sort_by(|a, b| a.lower.cmp(&b.lower));
        }
        self
    }

    fn push(&mut self, service: &str, action: &str, limitable: bool) {
        let service = service.to_ascii_lowercase();
        let action = Action {
            name: format!("{service}:{action}"),
            lower: action.to_ascii_lowercase(),
            limitable,
        };
        // The table lists a service's actions together: try the last first.
        let slot = match self.services.last_mut() {
            Some((s, list)) if *s == service => Some(list),
            _ => self
                .services
                .iter_mut()
                .find(|(s, _)| *s == service)
                .map(|(_, list)| list),
        };
        match slot {
            Some(list) => list.push(action),
            None => self.services.push((service, vec![action])),
        }
    }

    /// True when some action of the set can only be granted on `*`.
    pub fn has_unlimitable(&self) -> bool {
        self.services
            .iter()
            .any(|(_, list)| list.iter().any(|a| !a.limitable))
    }

    /// Every action of the set that `pattern` (an `Action` entry) grants,
    /// lazily (callers stop at the first that matters). A part without
    /// wildcards is looked up (services and actions are kept sorted), so
    /// `s3:GetObject` costs two binary searches, not a scan.
    pub fn matching<'a>(&'a self, pattern: &str) -> impl Iterator<Item = &'a Action> + 'a {
        let wild = |p: &str| p.contains(['*', '?']);
        let (service, action) = match split(pattern) {
            (Some(s), Some(a)) => (s, a),
            _ => (String::new(), String::new()),
        };
        let services: &'a [(String, Vec<Action>)] = if service.is_empty() {
            &[]
        } else if wild(&service) {
            &self.services
        } else {
            match self
                .services
                .binary_search_by(|(s, _)| s.as_str().cmp(&service))
            {
                Ok(i) => &self.services[i..=i],
                Err(_) => &[],
            }
        };
        let every = action.chars().all(|c| c == '*');
        let wild_action = wild(&action);
        services
            .iter()
            .filter(move |(s, _)| glob(&service, s))
            .flat_map(move |(_, list)| {
                let slice: &'a [Action] = if wild_action {
                    list
                } else {
                    match list.binary_search_by(|a| a.lower.as_str().cmp(&action)) {
                        Ok(i) => &list[i..=i],
                        Err(_) => &[],
                    }
                };
                let action = action.clone();
                slice
                    .iter()
                    .filter(move |a| every || !wild_action || glob(&action, &a.lower))
            })
    }

    /// Every action of the set that none of `patterns` (a `NotAction` list)
    /// names: what an `Allow` with that `NotAction` grants.
    pub fn not_matching(&self, patterns: Vec<String>) -> impl Iterator<Item = &Action> {
        let parsed: Vec<(Option<String>, Option<String>)> =
            patterns.iter().map(|p| split(p)).collect();
        self.services.iter().flat_map(move |(s, list)| {
            let parsed = parsed.clone();
            list.iter().filter(move |a| {
                !parsed.iter().any(|(ps, pa)| {
                    ps.as_deref().is_some_and(|p| glob(p, s))
                        && pa.as_deref().is_some_and(|p| glob(p, &a.lower))
                })
            })
        })
    }
}

/// A pattern's lower-case service and action parts; `*` alone is `*:*`.
/// `None` parts match nothing (a malformed action).
fn split(pattern: &str) -> (Option<String>, Option<String>) {
    let p = pattern.trim().to_ascii_lowercase();
    if p.chars().all(|c| c == '*') && !p.is_empty() {
        return (Some("*".into()), Some("*".into()));
    }
    match p.split_once(':') {
        Some((s, a)) if !s.is_empty() && !a.is_empty() => (Some(s.into()), Some(a.into())),
        _ => (None, None),
    }
}

/// Case-sensitive glob with `*` (any run) and `?` (one character), as IAM
/// matches action names (callers lower-case both sides).
pub fn glob(pattern: &str, text: &str) -> bool {
    let (p, t) = (pattern.as_bytes(), text.as_bytes());
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == b'?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == b'*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

/// Loads one column of `data/iam-actions.tsv`.
fn table(column: usize) -> ActionSet {
    let mut set = ActionSet::default();
    for line in include_str!("../../data/iam-actions.tsv").lines() {
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if let (Some(service), Some(actions)) = (cols.first(), cols.get(column)) {
            for a in actions.split_whitespace() {
                set.push(service, a, true);
            }
        }
    }
    set.sorted()
}

/// `Write`-level actions that can be limited to resources.
pub static WRITE: LazyLock<ActionSet> = LazyLock::new(|| table(1));

/// `Permissions management`-level actions that can be limited to resources.
pub static PERMISSIONS_MANAGEMENT: LazyLock<ActionSet> = LazyLock::new(|| table(2));

/// Read actions that hand over data or secrets (cloudsplaining's list, which
/// Checkov's CKV_AWS_108 uses).
pub static DATA_EXFILTRATION: LazyLock<ActionSet> = LazyLock::new(|| {
    ActionSet::of(&[
        "s3:GetObject",
        "ssm:GetParameter",
        "ssm:GetParameters",
        "ssm:GetParametersByPath",
        "secretsmanager:GetSecretValue",
    ])
});

/// Actions whose response holds credentials (cloudsplaining's list, which
/// Checkov's CKV_AWS_107 uses); `!` marks those that only exist on `*`.
pub static CREDENTIALS: LazyLock<ActionSet> = LazyLock::new(|| {
    ActionSet::of(&[
        "airflow:CreateCliToken",
        "airflow:CreateWebLoginToken",
        "!appsync:CreateApiKey",
        "!chime:CreateApiKey",
        "cloud9:CreateEnvironmentToken",
        "codeartifact:GetAuthorizationToken",
        "codepipeline:PollForJobs",
        "!cognito-identity:GetCredentialsForIdentity",
        "!cognito-identity:GetOpenIdToken",
        "cognito-identity:GetOpenIdTokenForDeveloperIdentity",
        "cognito-idp:GetSigningCertificate",
        "connect:GetFederationToken",
        "ec2:GetPasswordData",
        "!ecr:GetAuthorizationToken",
        "!ecr-public:GetAuthorizationToken",
        "emr-containers:GetManagedEndpointSessionCredentials",
        "finspace-api:GetProgrammaticAccessCredentials",
        "gamelift:GetInstanceAccess",
        "gamelift:RequestUploadCredentials",
        "grafana:CreateWorkspaceApiKey",
        "iam:CreateAccessKey",
        "iam:CreateLoginProfile",
        "iam:CreateServiceSpecificCredential",
        "iam:ResetServiceSpecificCredential",
        "iam:UpdateAccessKey",
        "!license-manager:GetAccessToken",
        "lightsail:CreateBucketAccessKey",
        "!lightsail:DownloadDefaultKeyPair",
        "lightsail:GetInstanceAccessDetails",
        "lightsail:GetRelationalDatabaseMasterUserPassword",
        "mediapackage:RotateChannelCredentials",
        "mediapackage:RotateIngestEndpointCredentials",
        "rds-db:connect",
        "redshift:GetClusterCredentials",
        "redshift:GetClusterCredentialsWithIAM",
        "redshift-serverless:GetCredentials",
        "sso:GetRoleCredentials",
        "sts:AssumeRole",
        "sts:AssumeRoleWithSAML",
        "sts:AssumeRoleWithWebIdentity",
        "sts:GetFederationToken",
        "!sts:GetSessionToken",
    ])
});

/// KMS actions that reveal plaintext (FSBP KMS.1 and KMS.2).
pub static KMS_DECRYPT: LazyLock<ActionSet> =
    LazyLock::new(|| ActionSet::of(&["kms:Decrypt", "kms:ReEncryptFrom"]));

/// Privilege escalation paths published by Rhino Security Labs (as
/// cloudsplaining lists them for Checkov's CKV_AWS_110): each is possible
/// when every one of its actions is granted without constraints.
pub const ESCALATIONS: &[(&str, &[&str])] = &[
    (
        "create an access key for another user",
        &["iam:CreateAccessKey"],
    ),
    (
        "set a console password for another user",
        &["iam:CreateLoginProfile"],
    ),
    (
        "change another user's console password",
        &["iam:UpdateLoginProfile"],
    ),
    ("add a user to any group", &["iam:AddUserToGroup"]),
    (
        "write a new version of any policy",
        &["iam:CreatePolicyVersion"],
    ),
    (
        "switch any policy to an older version",
        &["iam:SetDefaultPolicyVersion"],
    ),
    ("attach any policy to a user", &["iam:AttachUserPolicy"]),
    ("attach any policy to a group", &["iam:AttachGroupPolicy"]),
    (
        "attach any policy to a role and assume it",
        &["iam:AttachRolePolicy", "sts:AssumeRole"],
    ),
    ("write an inline policy on a user", &["iam:PutUserPolicy"]),
    ("write an inline policy on a group", &["iam:PutGroupPolicy"]),
    (
        "write an inline policy on a role and assume it",
        &["iam:PutRolePolicy", "sts:AssumeRole"],
    ),
    (
        "rewrite a role's trust policy and assume it",
        &["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"],
    ),
    (
        "pass any role to a new EC2 instance",
        &["iam:PassRole", "ec2:RunInstances"],
    ),
    (
        "pass any role to a new Lambda function and invoke it",
        &[
            "iam:PassRole",
            "lambda:CreateFunction",
            "lambda:InvokeFunction",
        ],
    ),
    (
        "pass any role to a new Lambda function triggered by an event source",
        &[
            "iam:PassRole",
            "lambda:CreateFunction",
            "lambda:CreateEventSourceMapping",
        ],
    ),
    (
        "pass any role to a new Glue development endpoint",
        &["iam:PassRole", "glue:CreateDevEndpoint"],
    ),
    (
        "pass any role to a new CloudFormation stack",
        &["iam:PassRole", "cloudformation:CreateStack"],
    ),
    (
        "pass any role to a new Data Pipeline",
        &["iam:PassRole", "datapipeline:CreatePipeline"],
    ),
    (
        "update any Glue development endpoint",
        &["glue:UpdateDevEndpoint"],
    ),
    (
        "replace the code of any Lambda function",
        &["lambda:UpdateFunctionCode"],
    ),
];

/// The actions of [`ESCALATIONS`] that can only be granted on `*`.
pub const UNLIMITABLE: &[&str] = &[
    "datapipeline:CreatePipeline",
    "glue:CreateDevEndpoint",
    "lambda:CreateEventSourceMapping",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_like_iam() {
        assert!(glob("put*", "putobject"));
        assert!(glob("*object", "getobject"));
        assert!(glob("get?bject", "getobject"));
        assert!(glob("*", "anything"));
        assert!(!glob("put*", "getobject"));
        assert!(glob("*e*t*", "deletebucket"));
        assert!(!glob("", "x"));
    }

    #[test]
    fn patterns_find_actions_in_the_tables() {
        let names =
            |p: &str| -> Vec<String> { WRITE.matching(p).map(|a| a.name.clone()).collect() };
        assert!(names("S3:PutObject").contains(&"s3:PutObject".to_string()));
        assert!(names("s3:*Object").contains(&"s3:DeleteObject".to_string()));
        assert!(
            names("s3:GetObject").is_empty(),
            "a read action is not a write"
        );
        assert!(!names("*").is_empty());
        assert!(names("s3").is_empty(), "no action part");
        assert!(
            PERMISSIONS_MANAGEMENT
                .matching("iam:Put*")
                .any(|a| a.name == "iam:PutRolePolicy")
        );
        let not = || vec!["s3:*".to_string()];
        assert!(
            WRITE
                .not_matching(not())
                .all(|a| !a.name.starts_with("s3:"))
        );
        assert!(
            WRITE
                .not_matching(not())
                .any(|a| a.name == "ec2:RunInstances")
        );
    }
}
