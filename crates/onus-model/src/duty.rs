//! Duties: what each layer obliges its owner to do.
//!
//! Every layer has at least one duty, so a resource's matrix lists what AWS carries
//! (inherited) as well as what the customer carries. A customer duty is either
//! verifiable from infrastructure code or must be attested by the user.

use crate::category::{Category, Layer, Owner};
use crate::matrix::assignment;
use serde::Serialize;
use std::fmt;

/// An obligation that follows from a [`Layer`] of the Shared Responsibility
/// Model; [`Duty::owner`] says who carries it in each [`Category`].
///
/// Serialised by its kebab-case [`Duty::slug`] (`encryption-at-rest`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Duty {
    /// Securing data centers physically and environmentally (security *of* the cloud).
    PhysicalSecurity,
    /// Maintaining, replacing and disposing of hardware and storage media.
    HardwareLifecycle,
    /// Running the software behind compute, storage, database and networking.
    FoundationServices,
    /// Patching and isolating the host operating system and hypervisor.
    HostPatching,
    /// Patching and hardening the guest OS: the customer's in infrastructure services
    /// such as EC2, AWS's in container and abstracted services.
    OsPatching,
    /// Keeping the runtime or engine on a supported, patched version.
    PlatformPatching,
    /// Limiting who can reach a resource over the network (security groups, NACLs,
    /// public access, private placement).
    NetworkExposure,
    /// Encrypting stored data; met by the AWS default where AWS encrypts by default.
    EncryptionAtRest,
    /// Choosing, controlling and rotating the encryption keys (a customer managed key).
    KeyManagement,
    /// Backing up data and protecting it from deletion (retention, deletion protection).
    Backups,
    /// Surviving the loss of an Availability Zone: Multi-AZ, replicas, failover.
    Resilience,
    /// Protecting traffic with TLS: the customer's, shared where AWS serves HTTPS endpoints
    /// and the customer only has to refuse plaintext.
    EncryptionInTransit,
    /// Encrypting data in the client and checking its integrity: always the
    /// customer's, and only attested (code cannot show it).
    ClientSideEncryption,
    /// Granting least-privilege access through IAM and resource policies: always the
    /// customer's.
    AccessControl,
    /// Keeping passwords, keys and tokens out of code and plaintext configuration.
    SecretsHandling,
    /// Recording and keeping audit and access logs, and monitoring them.
    Logging,
    /// Choosing the Region data lives in (data sovereignty): always the customer's.
    DataResidency,
    /// Securing the application code the customer runs (attested).
    ApplicationSecurity,
    /// Classifying and managing the customer's data (attested).
    DataClassification,
}

/// How a duty can be shown to be met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verification {
    /// Rules read the infrastructure code and give a verdict.
    Code,
    /// Nothing in infrastructure code can show it: the user signs it off.
    Attest,
}

impl Duty {
    /// Every duty, in layer order (bottom to top).
    pub const ALL: [Duty; 19] = [
        Duty::PhysicalSecurity,
        Duty::HardwareLifecycle,
        Duty::FoundationServices,
        Duty::HostPatching,
        Duty::OsPatching,
        Duty::PlatformPatching,
        Duty::NetworkExposure,
        Duty::EncryptionAtRest,
        Duty::KeyManagement,
        Duty::Backups,
        Duty::Resilience,
        Duty::EncryptionInTransit,
        Duty::ClientSideEncryption,
        Duty::AccessControl,
        Duty::SecretsHandling,
        Duty::Logging,
        Duty::DataResidency,
        Duty::ApplicationSecurity,
        Duty::DataClassification,
    ];

    /// The stable kebab-case id used in reports, rule ids and `onus.toml`.
    pub fn slug(self) -> &'static str {
        match self {
            Duty::PhysicalSecurity => "physical-security",
            Duty::HardwareLifecycle => "hardware-lifecycle",
            Duty::FoundationServices => "foundation-services",
            Duty::HostPatching => "host-patching",
            Duty::OsPatching => "os-patching",
            Duty::PlatformPatching => "platform-patching",
            Duty::NetworkExposure => "network-exposure",
            Duty::EncryptionAtRest => "encryption-at-rest",
            Duty::KeyManagement => "key-management",
            Duty::Backups => "backups",
            Duty::Resilience => "resilience",
            Duty::EncryptionInTransit => "encryption-in-transit",
            Duty::ClientSideEncryption => "client-side-encryption",
            Duty::AccessControl => "access-control",
            Duty::SecretsHandling => "secrets-handling",
            Duty::Logging => "logging",
            Duty::DataResidency => "data-residency",
            Duty::ApplicationSecurity => "application-security",
            Duty::DataClassification => "data-classification",
        }
    }

    /// The duty with this [`Duty::slug`], if any.
    pub fn from_slug(slug: &str) -> Option<Duty> {
        Duty::ALL.into_iter().find(|d| d.slug() == slug)
    }

    /// The layer this duty follows from.
    pub fn layer(self) -> Layer {
        match self {
            Duty::PhysicalSecurity => Layer::GlobalInfrastructure,
            Duty::HardwareLifecycle => Layer::HardwarePhysical,
            Duty::FoundationServices => Layer::FoundationServices,
            Duty::HostPatching => Layer::HostOsVirtualization,
            Duty::OsPatching => Layer::GuestOsPatching,
            Duty::PlatformPatching => Layer::ApplicationPlatform,
            Duty::NetworkExposure => Layer::NetworkFirewall,
            Duty::EncryptionAtRest | Duty::KeyManagement => Layer::ServerSideEncryption,
            Duty::Backups | Duty::Resilience => Layer::BackupsDurability,
            Duty::EncryptionInTransit => Layer::NetworkTrafficProtection,
            Duty::ClientSideEncryption => Layer::ClientSideEncryption,
            Duty::AccessControl | Duty::SecretsHandling => Layer::IdentityAccess,
            Duty::Logging => Layer::LoggingMonitoring,
            Duty::DataResidency => Layer::RegionChoice,
            Duty::ApplicationSecurity => Layer::ApplicationCode,
            Duty::DataClassification => Layer::CustomerData,
        }
    }

    /// A one-line human-readable title.
    pub fn title(self) -> &'static str {
        match self {
            Duty::PhysicalSecurity => "Physical and environmental security of data centers",
            Duty::HardwareLifecycle => "Hardware maintenance, replacement and media disposal",
            Duty::FoundationServices => {
                "Running the compute, storage, database and network software"
            }
            Duty::HostPatching => "Patching and isolating host operating systems and hypervisors",
            Duty::OsPatching => "Patching and hardening the guest operating system",
            Duty::PlatformPatching => {
                "Keeping the runtime or engine on a supported, patched version"
            }
            Duty::NetworkExposure => {
                "Limiting network exposure with firewalls and private placement"
            }
            Duty::EncryptionAtRest => "Encrypting stored data",
            Duty::KeyManagement => "Choosing, controlling and rotating encryption keys",
            Duty::Backups => "Backing up data and protecting it from deletion",
            Duty::Resilience => {
                "Spreading the workload over Availability Zones so one failure does not stop it"
            }
            Duty::EncryptionInTransit => "Encrypting network traffic (TLS)",
            Duty::ClientSideEncryption => "Encrypting data client-side and checking its integrity",
            Duty::AccessControl => "Granting least-privilege access to resources and data",
            Duty::SecretsHandling => "Keeping secrets out of code and plaintext configuration",
            Duty::Logging => "Recording and keeping audit and access logs",
            Duty::DataResidency => "Keeping data in Regions allowed by data-sovereignty rules",
            Duty::ApplicationSecurity => "Securing the application code you run",
            Duty::DataClassification => "Classifying and managing your data",
        }
    }

    /// Whether rules can judge this duty from code or the user must attest it.
    pub fn verification(self) -> Verification {
        match self {
            Duty::PhysicalSecurity
            | Duty::HardwareLifecycle
            | Duty::FoundationServices
            | Duty::HostPatching
            | Duty::ClientSideEncryption
            | Duty::ApplicationSecurity
            | Duty::DataClassification => Verification::Attest,
            // AWS's own duties are inherited, never checked; "code" only says the
            // question could be asked of code if the owner were the customer.
            // Duties below the guest OS are attested when a service makes them
            // partly the customer's (Outposts, on-premises gateways).
            _ => Verification::Code,
        }
    }

    /// Why the user must attest this duty, when code cannot show it.
    pub fn attest_reason(self) -> Option<&'static str> {
        match self {
            Duty::PhysicalSecurity => Some(
                "Physical and environmental security of a site is a matter of buildings, guards and access lists, not infrastructure code.",
            ),
            Duty::HardwareLifecycle => Some(
                "Maintaining and disposing of hardware happens on site; no template records it.",
            ),
            Duty::FoundationServices => Some(
                "The software that runs the services is operated by AWS; only AWS's attestations (SOC, ISO, FedRAMP reports) can show it.",
            ),
            Duty::HostPatching => Some(
                "Host and hypervisor patching happens below the resources your code declares; your own hosts' patch records show it.",
            ),
            Duty::ClientSideEncryption => Some(
                "Client-side encryption happens in your application before data reaches AWS; infrastructure code cannot show it.",
            ),
            Duty::ApplicationSecurity => Some(
                "The security of your application code is decided in that code and its reviews, not in the infrastructure that runs it.",
            ),
            Duty::DataClassification => Some(
                "Which data is sensitive, and who may see it, is a decision about the data itself that no template records.",
            ),
            _ => None,
        }
    }

    /// The owner of this duty for a service in `category`.
    ///
    /// A duty follows its layer, with two exceptions:
    /// - key management: where AWS encrypts by default (abstracted), choosing
    ///   your own key is still partly yours (shared);
    /// - network exposure in container services: the layer is shared (AWS
    ///   configures the hosts' network), but the firewall rules that limit
    ///   exposure are wholly yours (the seed: "protecting it through network
    ///   firewalls").
    pub fn owner(self, category: Category) -> Owner {
        let owner = assignment(category, self.layer()).owner;
        match (self, category, owner) {
            (Duty::KeyManagement, _, Owner::Aws) => Owner::Shared,
            (Duty::NetworkExposure, Category::Container, _) => Owner::Customer,
            _ => owner,
        }
    }

    /// Why the owner owns this duty in `category`, before per-service
    /// overrides: the layer's reason, except where a duty shares a layer with
    /// another and the layer's sentence would describe the other one.
    pub fn reason(self, category: Category) -> &'static str {
        match (self, category) {
            (Duty::Resilience, Category::Infrastructure) => {
                "You decide how many instances run and in which Availability Zones; AWS keeps each zone isolated."
            }
            (Duty::Resilience, Category::Container) => {
                "AWS runs the standby and fails over; you choose Multi-AZ deployment, replicas and failover settings."
            }
            (Duty::Resilience, Category::Abstracted) => {
                "AWS runs the service across Availability Zones in the Region by design."
            }
            _ => assignment(category, self.layer()).reason,
        }
    }

    /// The duty that stands for its layer when a layer's owner is shown (the
    /// first duty of each layer).
    pub fn primary(layer: Layer) -> Duty {
        Duty::ALL
            .into_iter()
            .find(|d| d.layer() == layer)
            .unwrap_or(Duty::DataClassification)
    }

    /// The duties on `layer`, in order.
    pub fn on_layer(layer: Layer) -> impl Iterator<Item = Duty> {
        Duty::ALL.into_iter().filter(move |d| d.layer() == layer)
    }
}

impl fmt::Display for Duty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}
