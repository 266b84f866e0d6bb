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
    pub tf_state: Option<onus_aws::join::TfState>,
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

/// What a scan reads: the code's units, and under `--aws` the account's
/// resources as one more unit.
pub enum Scanned<'a> {
    Code(Option<&'a onus_ingest::Units>),
    #[cfg(feature = "aws")]
    Account(Box<WithAccount<'a>>),
}

impl<'a> Scanned<'a> {
    /// `code`: none for `onus scan --aws` alone.
    pub fn new(code: Option<&'a onus_ingest::Units>, live: Option<&'a mut LiveRead>) -> Self {
        match live {
            #[cfg(feature = "aws")]
            Some(live) => Scanned::Account(Box::new(WithAccount::new(code, live))),
            _ => Scanned::Code(code),
        }
    }

    pub fn source(&self) -> &dyn onus_ingest::Source {
        match self {
            Scanned::Code(Some(units)) => *units,
            Scanned::Code(None) => &NoCode,
            #[cfg(feature = "aws")]
            Scanned::Account(with) => &**with,
        }
    }

    /// The side-by-side section's builder, under `--aws`.
    pub fn joiner(&self) -> Option<Joiner<'_>> {
        match self {
            Scanned::Code(_) => None,
            #[cfg(feature = "aws")]
            Scanned::Account(with) => Some(Joiner {
                with,
                seen: onus_report::live::Seen::default(),
            }),
        }
    }
}

/// No unit of code.
struct NoCode;

impl onus_ingest::Source for NoCode {
    fn len(&self) -> usize {
        0
    }
    fn key(&self, _i: usize) -> &str {
        ""
    }
    fn weight(&self, _i: usize) -> u64 {
        0
    }
    fn read(&self, _i: usize) -> onus_ingest::Workload {
        onus_ingest::Workload::default()
    }
}

/// The key of the account's unit: its files are ARNs.
#[cfg(feature = "aws")]
const ACCOUNT_KEY: &str = "arn:";

/// The code's units with the account's as one more, in key order; keeps
/// what the join needs of each unit of code as the scan reads it.
#[cfg(feature = "aws")]
pub struct WithAccount<'a> {
    code: Option<&'a onus_ingest::Units>,
    live: &'a LiveRead,
    account: onus_ingest::Workload,
    /// The account unit's index among the code's.
    at: usize,
    /// Per unit of code, what the join reads of it once read.
    kept: std::sync::Mutex<Vec<Option<onus_ingest::Workload>>>,
}

#[cfg(feature = "aws")]
impl<'a> WithAccount<'a> {
    fn new(code: Option<&'a onus_ingest::Units>, live: &'a mut LiveRead) -> Self {
        use onus_ingest::Source as _;
        let mut account = std::mem::take(&mut live.workload);
        // After every unit of code (their numbers are below their count).
        let number = code.map_or(0, |c| c.len()) as u32 + 1;
        for r in &mut account.resources {
            r.unit = number;
        }
        let n = code.map_or(0, |c| c.len());
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match code.map(|c| c.key(mid) <= ACCOUNT_KEY) {
                Some(true) => lo = mid + 1,
                _ => hi = mid,
            }
        }
        WithAccount {
            code,
            live,
            account,
            at: lo,
            kept: std::sync::Mutex::new(vec![None; n]),
        }
    }

    /// Unit `i`'s index among the code's, `None` for the account's.
    fn code_unit(&self, i: usize) -> Option<usize> {
        match i.cmp(&self.at) {
            std::cmp::Ordering::Less => Some(i),
            std::cmp::Ordering::Equal => None,
            std::cmp::Ordering::Greater => Some(i - 1),
        }
    }

    /// The code's units as the join reads them, and the account's.
    fn join_input(&self) -> onus_ingest::Workload {
        let kept = std::mem::take(&mut *self.kept.lock().unwrap_or_else(|e| e.into_inner()));
        let mut workload = onus_ingest::Workload::default();
        for part in kept.into_iter().flatten() {
            workload.merge(part);
        }
        workload.merge(self.account.clone());
        workload
    }
}

#[cfg(feature = "aws")]
impl onus_ingest::Source for WithAccount<'_> {
    fn len(&self) -> usize {
        self.code.map_or(0, |c| c.len()) + 1
    }

    fn key(&self, i: usize) -> &str {
        match (self.code_unit(i), self.code) {
            (Some(j), Some(code)) => code.key(j),
            _ => ACCOUNT_KEY,
        }
    }

    fn weight(&self, i: usize) -> u64 {
        match (self.code_unit(i), self.code) {
            (Some(j), Some(code)) => code.weight(j),
            // About what a resource's source weighs in a template.
            _ => 1024 * self.account.resources.len() as u64,
        }
    }

    fn read(&self, i: usize) -> onus_ingest::Workload {
        match (self.code_unit(i), self.code) {
            (Some(j), Some(code)) => {
                let workload = code.read(j);
                let mut kept = workload.clone();
                onus_aws::join::keep_for_join(&mut kept);
                if let Some(slot) = self
                    .kept
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .get_mut(j)
                {
                    *slot = Some(kept);
                }
                workload
            }
            _ => self.account.clone(),
        }
    }

    fn may_hold_account_wide(&self, i: usize) -> bool {
        match (self.code_unit(i), self.code) {
            (Some(j), Some(code)) => code.may_hold_account_wide(j),
            // EBS encryption by default, read in each Region.
            _ => true,
        }
    }

    fn preamble(&self) -> onus_ingest::Workload {
        self.code.map(|c| c.preamble()).unwrap_or_default()
    }
}

/// Builds the side-by-side section from the reports' views of the resources
/// as they are written (`LiveJoin`), joining code and account once every
/// unit is read.
#[cfg_attr(not(feature = "aws"), allow(dead_code))]
pub struct Joiner<'a> {
    #[cfg(feature = "aws")]
    with: &'a WithAccount<'a>,
    #[cfg(not(feature = "aws"))]
    with: std::marker::PhantomData<&'a ()>,
    seen: onus_report::live::Seen,
}

impl onus_report::live::LiveJoin for Joiner<'_> {
    fn see(&mut self, views: &[onus_report::report::ResourceView<'_>]) {
        self.seen.see(views);
    }

    #[cfg(not(feature = "aws"))]
    fn finish(&mut self) -> onus_report::live::LiveSection {
        onus_report::live::LiveSection::default()
    }

    #[cfg(feature = "aws")]
    fn finish(&mut self) -> onus_report::live::LiveSection {
        let live = self.with.live;
        let scan = &live.scan;
        let workload = self.with.join_input();
        let join = onus_aws::join::join(&workload, &scan.stacks, live.tf_state.as_ref());
        let mut section = onus_report::live::LiveSection {
            account: scan.account.clone(),
            regions: scan.regions.clone(),
            requests: scan.requests,
            operations: scan.operations,
            seconds: scan.elapsed.as_secs_f64(),
            resources: scan.resources.len(),
            failures: scan.failures.iter().map(|f| f.to_string()).collect(),
            stacks: join.stacks.clone(),
            ..Default::default()
        };
        let key = |i: usize| {
            let r = &workload.resources[i];
            let path = onus_ingest::display_path(&workload.file(r.file).path);
            (path, r.id.clone())
        };
        let pairs: Vec<_> = join
            .pairs
            .iter()
            .map(|p| (key(p.code), key(p.live), p.how.as_str()))
            .collect();
        let unmanaged: Vec<_> = join.unmanaged.iter().map(|&i| key(i)).collect();
        self.seen.side_by_side(&pairs, &unmanaged, &mut section);
        section
    }
}
