//! `onus scan --aws`: the deployed resources of an AWS account, read-only,
//! judged by the same rules as the code and joined with it. The reader (and
//! the AWS SDK) is built only with the `aws` cargo feature.

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Clone, Default, Args)]
pub struct LiveArgs {
    /// Also read the deployed resources of the AWS account the credentials
    /// belong to (read-only: Describe/Get/List calls), judge them with the
    /// same rules, and join them with the scanned code.
    #[arg(long)]
    pub aws: bool,

    /// With --aws: the profile of the shared AWS config and credentials files.
    #[arg(long, value_name = "NAME", requires = "aws")]
    pub profile: Option<String>,

    /// With --aws: the Regions to read, comma-separated [default: every
    /// Region enabled for the account].
    #[arg(long, value_name = "REGIONS", value_delimiter = ',', requires = "aws")]
    pub regions: Vec<String>,

    /// With --aws: send every AWS call to this endpoint (an emulator, a VPC
    /// endpoint), e.g. `http://127.0.0.1:5000`.
    #[arg(long, value_name = "URL", requires = "aws")]
    pub endpoint_url: Option<String>,

    /// With --aws: a Terraform state (`terraform.tfstate`, or the output of
    /// `terraform show -json`) that joins Terraform resources with deployed ones.
    #[arg(long, value_name = "FILE", requires = "aws")]
    pub tf_state: Option<PathBuf>,

    /// With --aws: most AWS API calls in flight at once.
    #[arg(long, value_name = "N", default_value_t = 16)]
    pub aws_concurrency: usize,

    /// With --aws: seconds one API call may take (pages and retries included).
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub aws_timeout: u64,
}

/// What the account gave: its resources as a workload to merge with the
/// code's, and what the join needs.
#[cfg(feature = "aws")]
pub struct LiveRead {
    pub workload: onus_ingest::Workload,
    pub scan: onus_aws::LiveScan,
    pub tf_state: Option<std::collections::HashMap<String, (Option<String>, Option<String>)>>,
}

#[cfg(not(feature = "aws"))]
pub struct LiveRead;

/// Why a live scan stopped: an error (exit 2), or Ctrl-C.
#[cfg_attr(not(feature = "aws"), allow(dead_code))]
pub enum Stop {
    Error(anyhow::Error),
    Interrupted,
}

impl From<anyhow::Error> for Stop {
    fn from(e: anyhow::Error) -> Self {
        Stop::Error(e)
    }
}

#[cfg(not(feature = "aws"))]
pub fn read(_args: &LiveArgs, _quiet: bool) -> Result<LiveRead, Stop> {
    Err(Stop::Error(anyhow::anyhow!(
        "this onus was built without the live AWS scan (--aws). Build it with the `aws` feature: \
         `cargo install --path crates/onus-cli --features aws` \
         (or `cargo run -p onus-cli --features aws -- scan --aws`)"
    )))
}

#[cfg(feature = "aws")]
pub fn read(args: &LiveArgs, quiet: bool) -> Result<LiveRead, Stop> {
    use anyhow::Context as _;
    let tf_state = match &args.tf_state {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading the Terraform state {}", path.display()))?;
            Some(onus_aws::join::read_tf_state(&text).map_err(|e| {
                anyhow::anyhow!("reading the Terraform state {}: {e}", path.display())
            })?)
        }
        None => None,
    };
    let options = onus_aws::Options {
        profile: args.profile.clone(),
        regions: args
            .regions
            .iter()
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty())
            .collect(),
        endpoint_url: args.endpoint_url.clone(),
        concurrency: args.aws_concurrency.max(1),
        call_timeout: std::time::Duration::from_secs(args.aws_timeout.max(1)),
        progress: !quiet,
        ..onus_aws::Options::default()
    };
    let scan = match onus_aws::scan(&options) {
        Ok(scan) => scan,
        Err(onus_aws::Error::Interrupted) => return Err(Stop::Interrupted),
        Err(e) => return Err(Stop::Error(anyhow::anyhow!("{e}"))),
    };
    Ok(LiveRead {
        workload: scan.workload(),
        scan,
        tf_state,
    })
}

/// Builds the side-by-side section from the reports' views of the resources
/// as they are written (`LiveJoin`).
#[cfg(feature = "aws")]
pub struct Joiner<'a> {
    live: &'a LiveRead,
    join: onus_aws::join::Join,
    /// Each resource of the joined workload as the reports name it.
    keys: Vec<onus_report::live::Key>,
    seen: onus_report::live::Seen,
}

#[cfg(not(feature = "aws"))]
pub struct Joiner<'a>(std::marker::PhantomData<&'a ()>);

/// The join of the code's resources (in `workload`, with the account's
/// merged in) with the account's.
#[cfg(feature = "aws")]
pub fn joiner<'a>(live: &'a LiveRead, workload: &onus_ingest::Workload) -> Joiner<'a> {
    let join = onus_aws::join::join(workload, &live.scan.stacks, live.tf_state.as_ref());
    let keys = workload
        .resources
        .iter()
        .map(|r| {
            let path = onus_report::report::display_path(&workload.file(r.file).path);
            (path.to_string(), r.id.clone())
        })
        .collect();
    Joiner {
        live,
        join,
        keys,
        seen: onus_report::live::Seen::default(),
    }
}

#[cfg(not(feature = "aws"))]
pub fn joiner<'a>(_live: &'a LiveRead, _workload: &onus_ingest::Workload) -> Joiner<'a> {
    Joiner(std::marker::PhantomData)
}

#[cfg(feature = "aws")]
impl onus_report::live::LiveJoin for Joiner<'_> {
    fn see(&mut self, views: &[onus_report::report::ResourceView<'_>]) {
        self.seen.see(views);
    }

    fn finish(&mut self) -> onus_report::live::LiveSection {
        let scan = &self.live.scan;
        let mut section = onus_report::live::LiveSection {
            account: scan.account.clone(),
            regions: scan.regions.clone(),
            requests: scan.requests,
            operations: scan.operations,
            seconds: scan.elapsed.as_secs_f64(),
            resources: scan.resources.len(),
            failures: scan.failures.iter().map(|f| f.to_string()).collect(),
            stacks: self.join.stacks.clone(),
            ..Default::default()
        };
        let key = |i: usize| self.keys[i].clone();
        let pairs: Vec<_> = self
            .join
            .pairs
            .iter()
            .map(|p| (key(p.code), key(p.live), p.how.as_str()))
            .collect();
        let unmanaged: Vec<_> = self.join.unmanaged.iter().map(|&i| key(i)).collect();
        self.seen.side_by_side(&pairs, &unmanaged, &mut section);
        section
    }
}

#[cfg(not(feature = "aws"))]
impl onus_report::live::LiveJoin for Joiner<'_> {
    fn see(&mut self, _views: &[onus_report::report::ResourceView<'_>]) {}

    fn finish(&mut self) -> onus_report::live::LiveSection {
        onus_report::live::LiveSection::default()
    }
}

/// Adds the account's resources to the code's.
#[cfg(feature = "aws")]
pub fn merge_into(live: &mut LiveRead, workload: &mut onus_ingest::Workload) {
    workload.merge(std::mem::take(&mut live.workload));
}

#[cfg(not(feature = "aws"))]
pub fn merge_into(_live: &mut LiveRead, _workload: &mut onus_ingest::Workload) {}
