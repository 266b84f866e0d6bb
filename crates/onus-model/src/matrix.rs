//! Who owns each layer in each category, with the reason and the source.
//!
//! Source keys refer to `docs/SOURCES.md` (the seed document and the AWS pages it
//! summarises). The seed's two tables are the authority: where AWS's newer pages
//! say more, the extra detail only goes into the reason.

use crate::category::{Category, Layer, Owner};
use serde::Serialize;

/// One cell of the responsibility matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Assignment {
    /// Who owns the layer.
    pub owner: Owner,
    /// One line: why this party owns the layer in this category.
    pub reason: &'static str,
    /// Source keys, space separated (see `docs/SOURCES.md`).
    pub source: &'static str,
}

const fn a(owner: Owner, reason: &'static str, source: &'static str) -> Assignment {
    Assignment {
        owner,
        reason,
        source,
    }
}

use Owner::{Aws, Customer, Shared};

/// The owner of `layer` for a service in `category`.
pub fn assignment(category: Category, layer: Layer) -> Assignment {
    use Category::*;
    use Layer::*;
    match (layer, category) {
        (GlobalInfrastructure, _) => a(
            Aws,
            "AWS protects its Regions, Availability Zones, edge locations and data centers, down to the buildings.",
            "SEED SRM",
        ),
        (HardwarePhysical, _) => a(
            Aws,
            "AWS runs and secures the servers, storage media and network devices behind every service.",
            "SEED SRM",
        ),
        (FoundationServices, _) => a(
            Aws,
            "AWS runs the compute, storage, database and networking software that every service is built on.",
            "SEED SRM",
        ),
        (HostOsVirtualization, _) => a(
            Aws,
            "AWS owns everything from the host operating system and virtualization layer down.",
            "SRM",
        ),
        (GuestOsPatching, Infrastructure) => a(
            Customer,
            "You pick the image and control the operating system: updates and security patches are yours.",
            "SEED SRM WP16",
        ),
        (GuestOsPatching, Container) => a(
            Aws,
            "AWS manages the operating system; you only choose maintenance windows and upgrade flags.",
            "SEED WP16",
        ),
        (GuestOsPatching, Abstracted) => a(
            Aws,
            "AWS operates the operating system; there is no OS for you to reach.",
            "SEED WP16",
        ),
        (ApplicationPlatform, Infrastructure) => a(
            Customer,
            "You install and run the application platform (web server, runtime, database engine) yourself.",
            "SEED",
        ),
        (ApplicationPlatform, Container) => a(
            Aws,
            "AWS manages the application platform; you choose engine or platform versions.",
            "SEED WP16",
        ),
        (ApplicationPlatform, Abstracted) => a(
            Aws,
            "AWS operates the platform; you use it only through its API endpoints.",
            "SEED WP16",
        ),
        (NetworkFirewall, Infrastructure) => a(
            Customer,
            "You configure the network and the security-group firewall around your instances.",
            "SEED SRM WP16",
        ),
        (NetworkFirewall, Container) => a(
            Shared,
            "AWS configures the operating system's and hosts' network; you protect the data with firewall rules (security groups) and choose what is reachable.",
            "SEED WP16",
        ),
        (NetworkFirewall, Abstracted) => a(
            Aws,
            "AWS runs the network in front of the API endpoint; exposure is controlled through access policies (identity and access).",
            "SEED WP16",
        ),
        (ServerSideEncryption, Infrastructure) => a(
            Customer,
            "You encrypt the data your instances store (volumes, snapshots, file systems).",
            "SEED WP16",
        ),
        (ServerSideEncryption, Container) => a(
            Customer,
            "Encrypting the data is yours: the platform offers encryption but you must turn it on and choose the key.",
            "SEED WP16 RDS",
        ),
        (ServerSideEncryption, Abstracted) => a(
            Aws,
            "AWS provides server-side encryption as part of the platform; choosing your own KMS key is your option.",
            "SEED WP16 S3E DDB",
        ),
        (BackupsDurability, Infrastructure) => a(
            Customer,
            "You manage backups of your instances and volumes (snapshots, AWS Backup plans).",
            "SEED",
        ),
        (BackupsDurability, Container) => a(
            Shared,
            "AWS provides the backup and recovery tools; you protect the data by configuring backups and retention for your continuity needs.",
            "SEED WP16",
        ),
        (BackupsDurability, Abstracted) => a(
            Aws,
            "AWS operates data protection: the platform stores your data durably across facilities.",
            "SEED WP16",
        ),
        (NetworkTrafficProtection, Infrastructure) => a(
            Customer,
            "You protect traffic to and from your applications (TLS, integrity, identity).",
            "SEED",
        ),
        (NetworkTrafficProtection, Container) => a(
            Customer,
            "You require TLS on connections to the platform (listeners, parameter groups, client settings).",
            "SEED WP16 RDS",
        ),
        (NetworkTrafficProtection, Abstracted) => a(
            Shared,
            "AWS provides HTTPS endpoints; you refuse plaintext where the service still accepts it.",
            "SEED WP16",
        ),
        (ClientSideEncryption, _) => a(
            Customer,
            "Encrypting data before it leaves your application, and checking its integrity, is always yours.",
            "SEED WP16",
        ),
        (IdentityAccess, _) => a(
            Customer,
            "Who may do what to your resources and data (IAM, resource policies, users) is always yours.",
            "SEED WP16",
        ),
        (LoggingMonitoring, _) => a(
            Customer,
            "AWS monitors its own layers; turning on and keeping logs of your resources is yours.",
            "SRM",
        ),
        (RegionChoice, _) => a(
            Customer,
            "You choose the Region of every resource to meet data-sovereignty rules.",
            "SEED",
        ),
        (ApplicationCode, Infrastructure) => a(
            Customer,
            "Your applications run on your instances; their security is yours.",
            "SEED",
        ),
        (ApplicationCode, Container) => a(
            Customer,
            "Code and queries you run on the platform are yours.",
            "SEED",
        ),
        (ApplicationCode, Abstracted) => a(
            Customer,
            "Code you hand to the service (functions, jobs, definitions) and the clients that call it are yours.",
            "SEED",
        ),
        (CustomerData, _) => a(
            Customer,
            "You keep complete control of your data and are responsible for managing its security.",
            "SEED",
        ),
    }
}
