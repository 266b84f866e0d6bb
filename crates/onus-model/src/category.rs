//! Service categories, the security layer stack and who owns each layer.

use serde::Serialize;
use std::fmt;

/// The three service categories of the AWS Shared Responsibility Model.
///
/// "Container" means AWS-managed platforms such as RDS, where AWS runs the OS and
/// the application platform; it has nothing to do with Docker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// AWS runs the hardware, global infrastructure and foundation services; the
    /// customer runs the guest OS, the platform, the firewall and its data (Amazon EC2).
    Infrastructure,
    /// AWS also runs the operating system and the application platform; the customer
    /// owns its data, its encryption, network firewalls and backups (Amazon RDS).
    Container,
    /// AWS also runs server-side encryption and data protection; the customer manages
    /// its data, access and client-side encryption (Amazon S3).
    Abstracted,
}

impl Category {
    /// Every category, from most to least customer-run.
    pub const ALL: [Category; 3] = [
        Category::Infrastructure,
        Category::Container,
        Category::Abstracted,
    ];

    /// The lower-case name used in reports and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Infrastructure => "infrastructure",
            Category::Container => "container",
            Category::Abstracted => "abstracted",
        }
    }

    /// Parses `infrastructure`, `container` or `abstracted` (any case).
    pub fn parse(text: &str) -> Option<Category> {
        Category::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(text.trim()))
    }

    /// What AWS runs in this category, in the seed's words.
    pub fn aws_summary(self) -> &'static str {
        match self {
            Category::Infrastructure => {
                "AWS manages the underlying infrastructure and foundation services."
            }
            Category::Container => {
                "AWS manages the underlying infrastructure and foundation services, operating system, and application platform."
            }
            Category::Abstracted => {
                "AWS operates the infrastructure layer, operating system, and platforms, as well as server-side encryption and data protection."
            }
        }
    }

    /// What the customer runs in this category, in the seed's words.
    pub fn customer_summary(self) -> &'static str {
        match self {
            Category::Infrastructure => {
                "You control the operating system and application platform, as well as encrypting, protecting, and managing customer data."
            }
            Category::Container => {
                "You are responsible for customer data, encrypting that data, and protecting it through network firewalls and backups."
            }
            Category::Abstracted => {
                "You are responsible for managing customer data and protecting it through client-side encryption."
            }
        }
    }

    /// The seed's example service for the category.
    pub fn example(self) -> &'static str {
        match self {
            Category::Infrastructure => "Amazon EC2",
            Category::Container => "Amazon RDS",
            Category::Abstracted => "Amazon S3",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who carries a layer or a duty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Owner {
    /// AWS carries it; the customer inherits it.
    Aws,
    /// Both parties have a part (e.g. backups of container services: AWS provides the
    /// tools, the customer configures backups and retention).
    Shared,
    /// The customer carries it alone.
    Customer,
}

impl Owner {
    /// The lower-case name used in machine-readable output (`aws`, `shared`, `customer`).
    pub fn as_str(self) -> &'static str {
        match self {
            Owner::Aws => "aws",
            Owner::Shared => "shared",
            Owner::Customer => "customer",
        }
    }

    /// The name shown to people (`AWS`, `shared`, `customer`).
    pub fn label(self) -> &'static str {
        match self {
            Owner::Aws => "AWS",
            Owner::Shared => "shared",
            Owner::Customer => "customer",
        }
    }

    /// True when the customer has something to do (customer or shared).
    pub fn customer_involved(self) -> bool {
        !matches!(self, Owner::Aws)
    }

    /// Parses `aws`, `shared` or `customer` (any case).
    pub fn parse(text: &str) -> Option<Owner> {
        match text.trim().to_ascii_lowercase().as_str() {
            "aws" => Some(Owner::Aws),
            "shared" => Some(Owner::Shared),
            "customer" => Some(Owner::Customer),
            _ => None,
        }
    }
}

impl fmt::Display for Owner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The security layers, bottom (AWS's physical world) to top (the customer's data).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layer {
    /// Regions, Availability Zones and edge locations.
    GlobalInfrastructure,
    /// Data-center buildings, hardware and its disposal.
    HardwarePhysical,
    /// The compute, storage, database and networking software the services run on.
    FoundationServices,
    /// The host operating system and the hypervisor that isolates guests.
    HostOsVirtualization,
    /// The guest operating system: patches and hardening.
    GuestOsPatching,
    /// The runtime or engine on top of the OS (database engine, language runtime).
    ApplicationPlatform,
    /// Network placement, security groups and other firewalls.
    NetworkFirewall,
    /// Encryption of stored data and the keys behind it.
    ServerSideEncryption,
    /// Backups, deletion protection and tolerance of failures.
    BackupsDurability,
    /// Encryption, integrity and identity of traffic on the network (TLS).
    NetworkTrafficProtection,
    /// Encryption and integrity checks done by the client before data reaches AWS.
    ClientSideEncryption,
    /// Who may do what to which resource, and the secrets that prove it.
    IdentityAccess,
    /// Audit, access and activity logs, and monitoring.
    LoggingMonitoring,
    /// The Region data is kept in (data residency and sovereignty).
    RegionChoice,
    /// The customer's own application code.
    ApplicationCode,
    /// The customer's data: always the customer's.
    CustomerData,
}

impl Layer {
    /// Bottom to top.
    pub const ALL: [Layer; 16] = [
        Layer::GlobalInfrastructure,
        Layer::HardwarePhysical,
        Layer::FoundationServices,
        Layer::HostOsVirtualization,
        Layer::GuestOsPatching,
        Layer::ApplicationPlatform,
        Layer::NetworkFirewall,
        Layer::ServerSideEncryption,
        Layer::BackupsDurability,
        Layer::NetworkTrafficProtection,
        Layer::ClientSideEncryption,
        Layer::IdentityAccess,
        Layer::LoggingMonitoring,
        Layer::RegionChoice,
        Layer::ApplicationCode,
        Layer::CustomerData,
    ];

    /// The kebab-case id used in reports and schemas, e.g. `guest-os-patching`.
    pub fn slug(self) -> &'static str {
        match self {
            Layer::GlobalInfrastructure => "global-infrastructure",
            Layer::HardwarePhysical => "hardware-physical",
            Layer::FoundationServices => "foundation-services",
            Layer::HostOsVirtualization => "host-os-virtualization",
            Layer::GuestOsPatching => "guest-os-patching",
            Layer::ApplicationPlatform => "application-platform",
            Layer::NetworkFirewall => "network-firewall",
            Layer::ServerSideEncryption => "server-side-encryption",
            Layer::BackupsDurability => "backups-durability",
            Layer::NetworkTrafficProtection => "network-traffic-protection",
            Layer::ClientSideEncryption => "client-side-encryption",
            Layer::IdentityAccess => "identity-access",
            Layer::LoggingMonitoring => "logging-monitoring",
            Layer::RegionChoice => "region-choice",
            Layer::ApplicationCode => "application-code",
            Layer::CustomerData => "customer-data",
        }
    }

    /// A human-readable title for tables and reports.
    pub fn title(self) -> &'static str {
        match self {
            Layer::GlobalInfrastructure => {
                "Global infrastructure (Regions, Availability Zones, edge locations)"
            }
            Layer::HardwarePhysical => "Hardware and physical security",
            Layer::FoundationServices => {
                "Foundation services (compute, storage, database, networking software)"
            }
            Layer::HostOsVirtualization => "Host operating system and virtualization",
            Layer::GuestOsPatching => "Guest operating system and patching",
            Layer::ApplicationPlatform => "Application platform and runtime",
            Layer::NetworkFirewall => "Network and firewall configuration",
            Layer::ServerSideEncryption => "Server-side encryption (file system and data)",
            Layer::BackupsDurability => "Backups and durability",
            Layer::NetworkTrafficProtection => {
                "Network traffic protection (encryption, integrity, identity)"
            }
            Layer::ClientSideEncryption => "Client-side encryption and data integrity",
            Layer::IdentityAccess => "Identity and access management",
            Layer::LoggingMonitoring => "Logging and monitoring",
            Layer::RegionChoice => "Region choice (data residency)",
            Layer::ApplicationCode => "Application code",
            Layer::CustomerData => "Customer data",
        }
    }

    /// The layer with this [`Layer::slug`], if any.
    pub fn from_slug(slug: &str) -> Option<Layer> {
        Layer::ALL.into_iter().find(|l| l.slug() == slug)
    }
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}
