//! Options shared by every command that reads infrastructure code.

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Files or directories to read (default: the current directory).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// CloudFormation parameter value, overriding the template default (repeatable).
    #[arg(long = "param", value_name = "KEY=VALUE", value_parser = parse_key_value)]
    pub params: Vec<(String, String)>,

    /// CloudFormation parameters file in the AWS CLI JSON format (repeatable).
    #[arg(long = "param-file", value_name = "FILE")]
    pub param_files: Vec<PathBuf>,

    /// Terraform variables file, like `terraform -var-file` (repeatable).
    #[arg(long = "var-file", value_name = "FILE")]
    pub var_files: Vec<PathBuf>,

    /// The Region templates deploy to (`AWS::Region`), and of Terraform
    /// resources whose provider names none.
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,

    /// Leave out paths matching this glob (repeatable), e.g. `--exclude 'test/**'`.
    #[arg(long = "exclude", value_name = "GLOB")]
    pub excludes: Vec<String>,

    /// Also read files that .gitignore and .ignore files exclude.
    #[arg(long)]
    pub no_ignore: bool,
}

fn parse_key_value(text: &str) -> Result<(String, String), String> {
    text.split_once('=')
        .map(|(k, v)| (k.trim().to_owned(), v.to_owned()))
        .filter(|(k, _)| !k.is_empty())
        .ok_or_else(|| format!("expected KEY=VALUE, got {text:?}"))
}

impl InputArgs {
    pub fn paths(&self) -> Vec<PathBuf> {
        if self.paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            self.paths.clone()
        }
    }

    pub fn options(&self) -> onus_ingest::Options {
        onus_ingest::Options {
            params: self.params.clone(),
            param_files: self.param_files.clone(),
            var_files: self.var_files.clone(),
            region: self.region.clone(),
            excludes: self.excludes.clone(),
            no_ignore: self.no_ignore,
            limits: Default::default(),
        }
    }

    /// Reads the inputs.
    pub fn ingest(&self) -> onus_ingest::Workload {
        onus_ingest::ingest(&self.paths(), &self.options())
    }
}
