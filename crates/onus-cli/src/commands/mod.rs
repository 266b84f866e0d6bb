//! One module per subcommand.

pub mod completions;
pub mod explain;
pub mod init;
pub mod input;
pub mod inventory;
pub mod live;
pub mod matrix;
pub mod policy;
pub mod rules;
pub mod scan;
pub mod services;

use anstyle::{AnsiColor, Style};
use onus_model::{Category, Owner};

/// Parses a category name for clap.
pub fn parse_category(text: &str) -> Result<Category, String> {
    Category::parse(text).ok_or_else(|| {
        format!("unknown category {text:?}: expected infrastructure, container or abstracted")
    })
}

pub const BOLD: Style = Style::new().bold();
pub const DIM: Style = Style::new().dimmed();

/// The colour of an owner label: AWS green (nothing to do), shared cyan, customer yellow.
pub fn owner_style(owner: Owner) -> Style {
    let color = match owner {
        Owner::Aws => AnsiColor::Green,
        Owner::Shared => AnsiColor::Cyan,
        Owner::Customer => AnsiColor::Yellow,
    };
    Style::new().fg_color(Some(color.into())).bold()
}

/// Writes `value` as pretty JSON and a newline to stdout.
pub fn print_json<T: serde::Serialize>(value: &T) -> anyhow::Result<()> {
    use std::io::Write;
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Writes text (which may hold ANSI styles) to stdout; styles are stripped when
/// stdout is not a terminal or `NO_COLOR` is set. A closed pipe is not an error.
pub fn emit(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = anstream::stdout();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
