//! Every category × layer owner, pinned against the seed's tables
//! (`SEED` = the project seed; `§4` = the layer matrix in the research notes,
//! which cites WP16/SRM where the seed is silent).

use onus_model::{Category, Duty, Layer, Owner, assignment};

use Category::{Abstracted as A, Container as C, Infrastructure as I};
use Layer::*;
use Owner::{Aws, Customer, Shared};

/// (layer, category, owner, the phrase that pins it)
const PINS: &[(Layer, Category, Owner, &str)] = &[
    // AWS: "security of the cloud" — every category.
    (
        GlobalInfrastructure,
        I,
        Aws,
        "SEED: AWS protects Regions, Availability Zones, and data centers, down to the physical security of the buildings",
    ),
    (
        GlobalInfrastructure,
        C,
        Aws,
        "SEED: Hardware or AWS Global Infrastructure: Regions, Availability Zones, Edge Locations",
    ),
    (
        GlobalInfrastructure,
        A,
        Aws,
        "SEED: Hardware or AWS Global Infrastructure: Regions, Availability Zones, Edge Locations",
    ),
    (
        HardwarePhysical,
        I,
        Aws,
        "SEED: managing the hardware ... such as the physical server",
    ),
    (
        HardwarePhysical,
        C,
        Aws,
        "SEED: managing the hardware ... such as the physical server",
    ),
    (
        HardwarePhysical,
        A,
        Aws,
        "SEED: managing the hardware ... such as the physical server",
    ),
    (
        FoundationServices,
        I,
        Aws,
        "SEED infrastructure: AWS manages the underlying infrastructure and foundation services",
    ),
    (
        FoundationServices,
        C,
        Aws,
        "SEED container: AWS manages the underlying infrastructure and foundation services",
    ),
    (
        FoundationServices,
        A,
        Aws,
        "SEED abstracted: AWS operates the infrastructure layer",
    ),
    (
        HostOsVirtualization,
        I,
        Aws,
        "SEED: host operating systems, virtualization layers",
    ),
    (
        HostOsVirtualization,
        C,
        Aws,
        "SEED: host operating systems, virtualization layers",
    ),
    (
        HostOsVirtualization,
        A,
        Aws,
        "SEED: host operating systems, virtualization layers",
    ),
    // Guest OS.
    (
        GuestOsPatching,
        I,
        Customer,
        "SEED infrastructure: You control the operating system",
    ),
    (
        GuestOsPatching,
        C,
        Aws,
        "SEED container: AWS manages ... operating system",
    ),
    (
        GuestOsPatching,
        A,
        Aws,
        "SEED abstracted: AWS operates ... operating system",
    ),
    // Application platform.
    (
        ApplicationPlatform,
        I,
        Customer,
        "SEED infrastructure: You control ... application platform",
    ),
    (
        ApplicationPlatform,
        C,
        Aws,
        "SEED container: AWS manages ... and application platform",
    ),
    (
        ApplicationPlatform,
        A,
        Aws,
        "SEED abstracted: AWS operates ... and platforms",
    ),
    // Network and firewall configuration.
    (
        NetworkFirewall,
        I,
        Customer,
        "SEED customer: Operating Systems, Network, and Firewall Configuration",
    ),
    (
        NetworkFirewall,
        C,
        Shared,
        "SEED container: protecting it through network firewalls (customer) + §4/WP16: AWS does OS & network configuration",
    ),
    (
        NetworkFirewall,
        A,
        Aws,
        "SEED abstracted: AWS operates the infrastructure layer ... and platforms; §4 WP16 abstracted figure",
    ),
    // Server-side encryption.
    (
        ServerSideEncryption,
        I,
        Customer,
        "SEED infrastructure: as well as encrypting ... customer data",
    ),
    (
        ServerSideEncryption,
        C,
        Customer,
        "SEED container: customer data, encrypting that data",
    ),
    (
        ServerSideEncryption,
        A,
        Aws,
        "SEED abstracted: AWS operates ... server-side encryption",
    ),
    // Backups.
    (
        BackupsDurability,
        I,
        Customer,
        "SEED infrastructure: encrypting, protecting, and managing customer data",
    ),
    (
        BackupsDurability,
        C,
        Shared,
        "SEED container: protecting it through ... backups + §4/WP16: AWS provides the backup tools",
    ),
    (
        BackupsDurability,
        A,
        Aws,
        "SEED abstracted: AWS operates ... and data protection",
    ),
    // Network traffic protection.
    (
        NetworkTrafficProtection,
        I,
        Customer,
        "SEED customer: Networking Traffic Protection (Encryption, Integrity, Identity)",
    ),
    (
        NetworkTrafficProtection,
        C,
        Customer,
        "SEED customer: Networking Traffic Protection; §4 RDS TLS",
    ),
    (
        NetworkTrafficProtection,
        A,
        Shared,
        "§4 WP16: the platform provides HTTPS endpoints; the customer refuses plaintext",
    ),
    // Client-side encryption.
    (
        ClientSideEncryption,
        I,
        Customer,
        "SEED customer: Customer-side Data Encryption and Data Integrity Authentication",
    ),
    (
        ClientSideEncryption,
        C,
        Customer,
        "SEED customer: Customer-side Data Encryption and Data Integrity Authentication",
    ),
    (
        ClientSideEncryption,
        A,
        Customer,
        "SEED abstracted: protecting it through client-side encryption",
    ),
    // Identity and access.
    (
        IdentityAccess,
        I,
        Customer,
        "SEED customer: Platform, Applications, Identity and Access Management",
    ),
    (
        IdentityAccess,
        C,
        Customer,
        "SEED: Using access control to limit who has access to your data and AWS resources",
    ),
    (
        IdentityAccess,
        A,
        Customer,
        "SEED: Using access control to limit who has access to your data and AWS resources",
    ),
    // Logging.
    (
        LoggingMonitoring,
        I,
        Customer,
        "SRM: AWS monitors its own layers; §4 FSBP CloudTrail.1",
    ),
    (
        LoggingMonitoring,
        C,
        Customer,
        "§4: enable export/audit logs (FSBP RDS.9)",
    ),
    (
        LoggingMonitoring,
        A,
        Customer,
        "§4: enable access/data-event logs (FSBP S3.9)",
    ),
    // Region.
    (
        RegionChoice,
        I,
        Customer,
        "SEED: Choosing a Region for AWS resources in accordance with data sovereignty regulations",
    ),
    (
        RegionChoice,
        C,
        Customer,
        "SEED: Choosing a Region for AWS resources in accordance with data sovereignty regulations",
    ),
    (
        RegionChoice,
        A,
        Customer,
        "SEED: Choosing a Region for AWS resources in accordance with data sovereignty regulations",
    ),
    // Application code.
    (
        ApplicationCode,
        I,
        Customer,
        "SEED customer: Platform, Applications",
    ),
    (
        ApplicationCode,
        C,
        Customer,
        "SEED customer: Platform, Applications",
    ),
    (
        ApplicationCode,
        A,
        Customer,
        "SEED customer: Platform, Applications",
    ),
    // Customer data.
    (
        CustomerData,
        I,
        Customer,
        "SEED infrastructure: managing customer data",
    ),
    (
        CustomerData,
        C,
        Customer,
        "SEED container: You are responsible for customer data",
    ),
    (
        CustomerData,
        A,
        Customer,
        "SEED abstracted: You are responsible for managing customer data",
    ),
];

#[test]
fn every_cell_is_pinned_once() {
    for layer in Layer::ALL {
        for category in Category::ALL {
            let n = PINS
                .iter()
                .filter(|(l, c, _, _)| *l == layer && *c == category)
                .count();
            assert_eq!(n, 1, "{layer} × {category} pinned {n} times");
        }
    }
    assert_eq!(PINS.len(), 48);
}

#[test]
fn matrix_matches_the_seed() {
    for (layer, category, owner, phrase) in PINS {
        let got = assignment(*category, *layer);
        assert_eq!(
            got.owner, *owner,
            "{layer} × {category}: expected {owner} ({phrase}), matrix says {} ({})",
            got.owner, got.reason
        );
        assert!(!got.reason.is_empty() && !got.source.is_empty());
    }
}

#[test]
fn seed_summaries_hold() {
    // Infrastructure: AWS stops at the foundation services.
    let aws_layers = |c: Category| {
        Layer::ALL
            .into_iter()
            .filter(|l| assignment(c, *l).owner == Aws)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        aws_layers(I),
        [
            GlobalInfrastructure,
            HardwarePhysical,
            FoundationServices,
            HostOsVirtualization
        ]
    );
    // Container adds the OS and application platform.
    assert_eq!(
        aws_layers(C),
        [
            GlobalInfrastructure,
            HardwarePhysical,
            FoundationServices,
            HostOsVirtualization,
            GuestOsPatching,
            ApplicationPlatform
        ]
    );
    // Abstracted adds server-side encryption and data protection.
    let a = aws_layers(A);
    assert!(a.contains(&ServerSideEncryption) && a.contains(&BackupsDurability));
    // Responsibility never grows as services get more abstract.
    let rank = |o: Owner| match o {
        Aws => 0,
        Shared => 1,
        Customer => 2,
    };
    for layer in Layer::ALL {
        let (i, c, a) = (
            rank(assignment(I, layer).owner),
            rank(assignment(C, layer).owner),
            rank(assignment(A, layer).owner),
        );
        assert!(
            i >= c && c >= a,
            "{layer}: customer share grows with abstraction"
        );
    }
}

#[test]
fn duties_follow_their_layers() {
    for duty in Duty::ALL {
        for category in Category::ALL {
            let layer_owner = assignment(category, duty.layer()).owner;
            let owner = duty.owner(category);
            match (duty, category) {
                (Duty::KeyManagement, A) => {
                    assert_eq!(owner, Shared, "key choice stays partly yours")
                }
                (Duty::NetworkExposure, C) => {
                    assert_eq!(owner, Customer, "firewall rules are yours")
                }
                _ => assert_eq!(owner, layer_owner, "{duty} in {category}"),
            }
        }
        if duty.verification() == onus_model::Verification::Attest {
            assert!(
                duty.attest_reason().is_some(),
                "{duty} needs an attest reason"
            );
        } else {
            assert!(duty.attest_reason().is_none());
        }
        assert_eq!(Duty::from_slug(duty.slug()), Some(duty));
    }
    for layer in Layer::ALL {
        assert_eq!(
            Duty::primary(layer).layer(),
            layer,
            "every layer has a duty"
        );
        assert_eq!(Layer::from_slug(layer.slug()), Some(layer));
    }
}

#[test]
fn seed_customer_duties_per_category() {
    // Container: "customer data, encrypting that data, and protecting it through
    // network firewalls and backups".
    for duty in [
        Duty::EncryptionAtRest,
        Duty::NetworkExposure,
        Duty::Backups,
        Duty::DataClassification,
    ] {
        assert!(duty.owner(C).customer_involved(), "{duty} in container");
    }
    assert_eq!(Duty::OsPatching.owner(C), Aws);
    assert_eq!(Duty::PlatformPatching.owner(C), Aws);
    // Abstracted: "managing customer data and protecting it through client-side encryption".
    assert_eq!(Duty::ClientSideEncryption.owner(A), Customer);
    assert_eq!(Duty::EncryptionAtRest.owner(A), Aws);
    // Infrastructure: "You control the operating system and application platform,
    // as well as encrypting, protecting, and managing customer data".
    for duty in [
        Duty::OsPatching,
        Duty::PlatformPatching,
        Duty::EncryptionAtRest,
        Duty::Backups,
    ] {
        assert_eq!(duty.owner(I), Customer, "{duty} in infrastructure");
    }
}
