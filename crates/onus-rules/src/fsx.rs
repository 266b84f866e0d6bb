//! FSx file systems: which kind a resource is (CloudFormation has one type
//! with `FileSystemType`; Terraform has one type per kind).

use crate::check::get;
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Windows,
    Lustre,
    Ontap,
    OpenZfs,
}

impl Kind {
    /// The CloudFormation property holding this kind's settings.
    pub fn cfn_config(self) -> &'static str {
        match self {
            Kind::Windows => "WindowsConfiguration",
            Kind::Lustre => "LustreConfiguration",
            Kind::Ontap => "OntapConfiguration",
            Kind::OpenZfs => "OpenZFSConfiguration",
        }
    }
}

/// The kind of file system, or the verdict to give when it cannot be told.
pub fn kind(resource: &Resource) -> Result<Kind, Verdict> {
    match resource.resource_type.as_str() {
        "aws_fsx_windows_file_system" => return Ok(Kind::Windows),
        "aws_fsx_lustre_file_system" => return Ok(Kind::Lustre),
        "aws_fsx_ontap_file_system" => return Ok(Kind::Ontap),
        "aws_fsx_openzfs_file_system" => return Ok(Kind::OpenZfs),
        _ => {}
    }
    let Some(node) = get(resource, "FileSystemType") else {
        return Err(Verdict::missing(
            resource,
            "FileSystemType",
            "FileSystemType is not set",
        ));
    };
    match (&node.value, node.as_str()) {
        (_, Some(s)) if s.eq_ignore_ascii_case("WINDOWS") => Ok(Kind::Windows),
        (_, Some(s)) if s.eq_ignore_ascii_case("LUSTRE") => Ok(Kind::Lustre),
        (_, Some(s)) if s.eq_ignore_ascii_case("ONTAP") => Ok(Kind::Ontap),
        (_, Some(s)) if s.eq_ignore_ascii_case("OPENZFS") => Ok(Kind::OpenZfs),
        (_, Some(s)) => Err(Verdict::not_applicable(
            resource,
            format!("FileSystemType {s:?} is not a known kind"),
        )),
        (Value::Unknown(u), _) => Err(Verdict::unknown(
            resource,
            node.span,
            "FileSystemType",
            u.clone(),
        )),
        _ => Err(Verdict::unknown(
            resource,
            node.span,
            "FileSystemType",
            "FileSystemType, which depends on a condition",
        )),
    }
}
