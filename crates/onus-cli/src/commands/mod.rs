//! One module per subcommand.

pub mod completions;
pub mod init;
pub mod input;
pub mod inventory;
pub mod matrix;
pub mod rules;
pub mod scan;
