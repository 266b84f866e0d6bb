//! Code and account side by side (`onus scan PATH --aws`): for each declared
//! resource joined with its deployed counterpart, every customer duty's status
//! in the code and in the account; and the deployed resources no scanned code
//! declares (unmanaged), with their duties.

use crate::report::ResourceView;
use onus_model::{Duty, Owner};
use onus_rules::DutyStatus;
use serde::Serialize;
use std::collections::HashMap;
use std::io::{self, Write};

/// What the live scan read, and how it joins the code.
#[derive(Debug, Clone, Default, Serialize)]
pub struct LiveSection {
    /// The account id.
    pub account: String,
    /// The Regions read.
    pub regions: Vec<String>,
    /// HTTP requests sent (retries included).
    pub requests: u64,
    /// API operations called (pages and retries of one call count once).
    pub operations: u64,
    /// Time spent reading the account.
    pub seconds: f64,
    /// Deployed resources read (account resources and settings included).
    pub resources: usize,
    /// Calls that failed (service, Region, operation, error); the scan went on.
    pub failures: Vec<String>,
    /// Template file → stack it was matched with.
    pub stacks: Vec<(String, String)>,
    /// Declared resources joined with their deployed counterparts.
    pub joined: Vec<Joined>,
    /// Deployed resources no scanned code declares.
    pub unmanaged: Vec<Unmanaged>,
}

/// A declared resource and its deployed counterpart.
#[derive(Debug, Clone, Serialize)]
pub struct Joined {
    /// The declared resource's logical id or address.
    pub id: String,
    /// Its type as declared.
    #[serde(rename = "type")]
    pub resource_type: String,
    /// `file:line:column` of the declaration.
    pub location: String,
    /// The deployed counterpart's ARN.
    pub arn: String,
    /// What joined them (stack resource list, tags, Terraform state, name).
    pub joined_by: &'static str,
    /// The customer's duties, judged on both sides.
    pub duties: Vec<SideBySide>,
}

/// One customer duty, judged on both sides.
#[derive(Debug, Clone, Serialize)]
pub struct SideBySide {
    /// The duty.
    pub duty: Duty,
    /// Its status in the code.
    pub code: DutyStatus,
    /// Its status in the account.
    pub account: DutyStatus,
    /// The two sides disagree on a duty both can judge (met in the code, not
    /// met in the account, or the reverse).
    pub drift: bool,
}

impl SideBySide {
    /// A duty's two statuses, and whether they drift.
    pub fn new(duty: Duty, code: DutyStatus, account: DutyStatus) -> Self {
        let judged = |s: DutyStatus| matches!(s, DutyStatus::Met | DutyStatus::NotMet);
        let drift = judged(code) && judged(account) && code != account;
        SideBySide {
            duty,
            code,
            account,
            drift,
        }
    }
}

/// A deployed resource no scanned code declares.
#[derive(Debug, Clone, Serialize)]
pub struct Unmanaged {
    /// Its ARN.
    pub arn: String,
    /// Its id (name, resource id).
    pub id: String,
    /// Its CloudFormation type.
    #[serde(rename = "type")]
    pub resource_type: String,
    /// Its Region (none for global resources).
    pub region: Option<String>,
    /// The customer's duties and their status.
    pub duties: Vec<(Duty, DutyStatus)>,
}

/// A resource as the reports name it: its file's display path (the ARN of a
/// deployed resource) and its id.
pub type Key = (String, String);

/// What builds the section while a scan's reports are written: it sees each
/// batch of resource views, then joins code and account once every unit is
/// checked.
pub trait LiveJoin {
    /// A batch of resource views, as the reports write them.
    fn see(&mut self, views: &[ResourceView<'_>]);
    /// The section, once every unit is checked.
    fn finish(&mut self) -> LiveSection;
}

/// The customer's duties of every resource the reports showed, kept (a few
/// bytes a duty) until the join is known.
#[derive(Debug, Default)]
pub struct Seen {
    resources: HashMap<Key, SeenResource>,
}

#[derive(Debug)]
struct SeenResource {
    location: String,
    resource_type: String,
    region: Option<String>,
    duties: Vec<(Duty, DutyStatus)>,
}

impl Seen {
    /// Keeps the customer duties of each resource of `views`.
    pub fn see(&mut self, views: &[ResourceView<'_>]) {
        for v in views {
            let duties = v
                .duties
                .iter()
                .filter(|d| d.owner != Owner::Aws)
                .map(|d| (d.duty, d.status))
                .collect();
            let l = &v.location;
            self.resources.insert(
                (l.file.to_string(), v.id.to_owned()),
                SeenResource {
                    location: format!("{}:{}:{}", l.file, l.line, l.column),
                    resource_type: v.resource_type.to_owned(),
                    region: v.region.map(str::to_owned),
                    duties,
                },
            );
        }
    }

    /// Fills the joined and unmanaged lists: `pairs` are (declared, deployed)
    /// resources with what joined them. A resource no report showed (a data
    /// source) is left out.
    pub fn side_by_side(
        &self,
        pairs: &[(Key, Key, &'static str)],
        unmanaged: &[Key],
        section: &mut LiveSection,
    ) {
        for (code, live, how) in pairs {
            let (Some(declared), Some(deployed)) =
                (self.resources.get(code), self.resources.get(live))
            else {
                continue;
            };
            let duties = declared
                .duties
                .iter()
                .map(|&(duty, status)| {
                    let account = deployed
                        .duties
                        .iter()
                        .find(|(d, _)| *d == duty)
                        .map_or(DutyStatus::Inherited, |(_, s)| *s);
                    SideBySide::new(duty, status, account)
                })
                .collect();
            section.joined.push(Joined {
                id: code.1.clone(),
                resource_type: declared.resource_type.clone(),
                location: declared.location.clone(),
                arn: live.0.clone(),
                joined_by: how,
                duties,
            });
        }
        for key in unmanaged {
            let Some(deployed) = self.resources.get(key) else {
                continue;
            };
            section.unmanaged.push(Unmanaged {
                arn: key.0.clone(),
                id: key.1.clone(),
                resource_type: deployed.resource_type.clone(),
                region: deployed.region.clone(),
                duties: deployed.duties.clone(),
            });
        }
    }
}

/// The section in the text report.
pub fn render_text(section: &LiveSection, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "\nAccount {}: {} deployed resources in {} ({} requests, {} operations, {:.1} s)",
        section.account,
        section.resources,
        section.regions.join(", "),
        section.requests,
        section.operations,
        section.seconds
    )?;
    for (file, stack) in &section.stacks {
        writeln!(out, "  {file} is deployed as stack {stack}")?;
    }
    if !section.joined.is_empty() {
        writeln!(out, "\nCode and account, side by side (code | account):")?;
    }
    for j in &section.joined {
        writeln!(out, "  {} {} ({})", j.resource_type, j.id, j.location)?;
        writeln!(out, "    deployed as {} (joined by {})", j.arn, j.joined_by)?;
        for d in &j.duties {
            if matches!(d.code, DutyStatus::Inherited) && matches!(d.account, DutyStatus::Inherited)
            {
                continue;
            }
            writeln!(
                out,
                "    {:<22} {:<15} | {:<15}{}",
                d.duty.slug(),
                d.code.as_str(),
                d.account.as_str(),
                if d.drift { "  <- differs" } else { "" }
            )?;
        }
    }
    if !section.unmanaged.is_empty() {
        writeln!(
            out,
            "\nUnmanaged: {} deployed resources no scanned code declares:",
            section.unmanaged.len()
        )?;
        for u in &section.unmanaged {
            let open: Vec<&str> = u
                .duties
                .iter()
                .filter(|(_, s)| matches!(s, DutyStatus::NotMet | DutyStatus::Unknown))
                .map(|(d, _)| d.slug())
                .collect();
            let met = u
                .duties
                .iter()
                .filter(|(_, s)| *s == DutyStatus::Met)
                .count();
            writeln!(
                out,
                "  {} ({}): {} met{}",
                u.arn,
                u.resource_type,
                met,
                if open.is_empty() {
                    String::new()
                } else {
                    format!(", open: {}", open.join(", "))
                }
            )?;
        }
    }
    for f in &section.failures {
        writeln!(out, "  could not read: {f}")?;
    }
    Ok(())
}

/// The section in the HTML report.
pub fn html(section: &LiveSection) -> maud::Markup {
    use maud::html;
    let cell = |s: DutyStatus| {
        // The matrix's cell classes (html.rs's stylesheet).
        let class = match s {
            DutyStatus::Met => "met",
            DutyStatus::NotMet => "not-met",
            DutyStatus::Unknown => "unknown",
            DutyStatus::Attest => "attest",
            DutyStatus::NotApplicable => "na",
            DutyStatus::Inherited => "aws",
        };
        html! { td class=(class) { (s.as_str()) } }
    };
    html! {
        section #live {
            h2 { "Code and account" }
            p {
                "Account " (section.account) ": " (section.resources) " deployed resources read in "
                (section.regions.join(", ")) " (" (section.requests) " requests, "
                (format!("{:.1}", section.seconds)) " s)."
            }
            @for (file, stack) in &section.stacks { p.loc { (file) " is deployed as stack " (stack) } }
            @if !section.joined.is_empty() {
                table #joined {
                    tr { th { "resource" } th { "duty" } th { "code" } th { "account" } th {} }
                    @for j in &section.joined {
                        @for (n, d) in j.duties.iter().filter(|d| !(d.code == DutyStatus::Inherited && d.account == DutyStatus::Inherited)).enumerate() {
                            tr class=[d.drift.then_some("drift")] {
                                td {
                                    @if n == 0 {
                                        b { (j.id) } " " span.loc { (j.location) } br; span.loc { (j.arn) }
                                    }
                                }
                                td { (d.duty.slug()) }
                                (cell(d.code))
                                (cell(d.account))
                                td { @if d.drift { b { "differs" } } }
                            }
                        }
                    }
                }
            }
            @if !section.unmanaged.is_empty() {
                h2 { "Unmanaged (" (section.unmanaged.len()) ")" }
                p { "Deployed resources no scanned code declares." }
                table #unmanaged {
                    tr { th { "ARN" } th { "type" } th { "open duties" } }
                    @for u in &section.unmanaged {
                        tr {
                            td.loc { (u.arn) }
                            td { (u.resource_type) }
                            td { @for (d, s) in u.duties.iter().filter(|(_, s)| matches!(s, DutyStatus::NotMet | DutyStatus::Unknown)) { (d.slug()) " (" (s.as_str()) ") " } }
                        }
                    }
                }
            }
            @if !section.failures.is_empty() {
                p.note { "Not read: " @for f in &section.failures { br; (f) } }
            }
        }
    }
}

/// The section under `onus matrix --aws`'s Markdown table.
pub fn render_markdown(section: &LiveSection, out: &mut dyn Write) -> io::Result<()> {
    use crate::markdown::md;
    writeln!(out, "\n## Code and account\n")?;
    writeln!(
        out,
        "Account {}: {} deployed resources in {}.\n",
        section.account,
        section.resources,
        section.regions.join(", ")
    )?;
    writeln!(
        out,
        "| declared | deployed as | joined by | duty | code | account |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    for j in &section.joined {
        for d in j
            .duties
            .iter()
            .filter(|d| !(d.code == DutyStatus::Inherited && d.account == DutyStatus::Inherited))
        {
            let mark = |s: DutyStatus| match (s, d.drift) {
                (_, true) => format!("**{}**", s.as_str()),
                _ => s.as_str().to_owned(),
            };
            writeln!(
                out,
                "| {} ({}) | {} | {} | {} | {} | {} |",
                md(&j.id),
                md(&j.location),
                md(&j.arn),
                j.joined_by,
                d.duty.slug(),
                mark(d.code),
                mark(d.account)
            )?;
        }
    }
    if !section.unmanaged.is_empty() {
        writeln!(out, "\n## Unmanaged\n")?;
        writeln!(out, "| deployed | type | open duties |")?;
        writeln!(out, "|---|---|---|")?;
        for u in &section.unmanaged {
            let open: Vec<String> = u
                .duties
                .iter()
                .filter(|(_, s)| matches!(s, DutyStatus::NotMet | DutyStatus::Unknown))
                .map(|(d, s)| format!("{} ({})", d.slug(), s.as_str()))
                .collect();
            writeln!(
                out,
                "| {} | {} | {} |",
                md(&u.arn),
                u.resource_type,
                open.join(", ")
            )?;
        }
    }
    Ok(())
}
