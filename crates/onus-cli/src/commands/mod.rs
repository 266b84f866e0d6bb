//! One module per subcommand.

pub mod input;
pub mod inventory;
pub mod rules;
pub mod scan;
