//! Runs the live scan: credentials, Regions, one task per service and Region
//! with a bounded number of API calls in flight, every call with a timeout and
//! the SDK's standard retries (exponential backoff with jitter on throttling).

use crate::model::LiveResource;
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::BeforeTransmitInterceptorContextRef;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;
use aws_smithy_types::error::display::DisplayErrorContext;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use std::future::Future;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

/// What the user asked for.
#[derive(Debug, Clone)]
pub struct Options {
    /// A named profile of the shared config and credentials files.
    pub profile: Option<String>,
    /// Regions to read; empty: every Region enabled for the account.
    pub regions: Vec<String>,
    /// Send every call here (an emulator, a VPC endpoint).
    pub endpoint_url: Option<String>,
    /// Most API calls in flight at once.
    pub concurrency: usize,
    /// Longest one call may take, pages and retries included.
    pub call_timeout: Duration,
    /// Attempts per call (the first included) on throttling and server errors.
    pub max_attempts: u32,
    /// Draw a progress line on standard error (only when it is a terminal).
    pub progress: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            profile: None,
            regions: Vec::new(),
            endpoint_url: None,
            concurrency: 16,
            call_timeout: Duration::from_secs(60),
            max_attempts: 6,
            progress: true,
        }
    }
}

/// A service, Region and operation that failed: the scan went on without it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Failure {
    /// The service, as the SDK names it (`s3`, `ec2`).
    pub service: &'static str,
    /// The Region of the call.
    pub region: String,
    /// The API operation (`GetBucketPolicy`).
    pub operation: &'static str,
    /// The resource the call was about, if any (a bucket, a role).
    pub resource: Option<String>,
    /// The error, as the service or the SDK gave it.
    pub message: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} in {}", self.service, self.operation, self.region)?;
        if let Some(r) = &self.resource {
            write!(f, " ({r})")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// One CloudFormation stack and the physical ids of its resources.
#[derive(Debug, Clone)]
pub struct Stack {
    /// The stack's name.
    pub name: String,
    /// The Region it is deployed in.
    pub region: String,
    /// (logical id, physical id, type).
    pub resources: Vec<(String, String, String)>,
}

/// Everything a live scan read.
#[derive(Debug, Clone, Default)]
pub struct LiveScan {
    /// The account id the credentials belong to.
    pub account: String,
    /// The Regions read.
    pub regions: Vec<String>,
    /// Every deployed resource read, account settings included.
    pub resources: Vec<LiveResource>,
    /// The calls that failed (the scan went on without them).
    pub failures: Vec<Failure>,
    /// The CloudFormation stacks, for the join with templates.
    pub stacks: Vec<Stack>,
    /// HTTP requests sent, retries included.
    pub requests: u64,
    /// Operations called (pages and retries of one call count once).
    pub operations: u64,
    /// How long the scan took.
    pub elapsed: Duration,
}

/// Why the scan could not run at all.
#[derive(Debug)]
pub enum Error {
    /// No credentials, or STS rejected them.
    Identity(String),
    /// Ctrl-C.
    Interrupted,
    /// The async runtime could not start, or a service reader panicked.
    Runtime(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Identity(m) => write!(
                f,
                "cannot find out which account these credentials belong to: {m}"
            ),
            Error::Interrupted => write!(f, "interrupted"),
            Error::Runtime(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for Error {}

/// Counts the HTTP requests of every client (retries included).
#[derive(Debug, Clone)]
pub(crate) struct RequestCounter(Arc<AtomicU64>);

impl Intercept for RequestCounter {
    fn name(&self) -> &'static str {
        "onus-request-counter"
    }
    fn read_before_attempt(
        &self,
        _context: &BeforeTransmitInterceptorContextRef<'_>,
        _components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        self.0.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}

/// State shared by every task of one scan.
pub(crate) struct Shared {
    permits: Semaphore,
    call_timeout: Duration,
    requests: Arc<AtomicU64>,
    operations: AtomicU64,
    resources: Mutex<Vec<LiveResource>>,
    failures: Mutex<Vec<Failure>>,
    stacks: Mutex<Vec<Stack>>,
    /// Region → facts of the Region's account resource (`AWS::Account`).
    facts: Mutex<std::collections::BTreeMap<String, serde_json::Map<String, serde_json::Value>>>,
    progress: Option<Progress>,
    pub(crate) endpoint_set: bool,
}

/// What one service task needs: the Region's SDK config and the shared state.
#[derive(Clone)]
pub struct Cx {
    pub(crate) sdk: SdkConfig,
    pub(crate) account: Arc<str>,
    pub(crate) partition: &'static str,
    pub(crate) region: Arc<str>,
    pub(crate) shared: Arc<Shared>,
    pub(crate) service: &'static str,
    /// Every Region this scan reads (global readers place what they find).
    pub(crate) regions: Arc<[String]>,
}

/// Builds a client of `$krate` for this context, counting its requests.
#[macro_export]
#[doc(hidden)]
macro_rules! client {
    ($krate:ident, $cx:expr) => {
        $krate::Client::from_conf(
            $krate::config::Builder::from(&$cx.sdk)
                .interceptor($cx.counter())
                .build(),
        )
    };
}

impl Cx {
    pub(crate) fn counter(&self) -> RequestCounter {
        RequestCounter(self.shared.requests.clone())
    }

    /// The Region this context reads.
    pub fn region(&self) -> &str {
        &self.region
    }

    /// True when `region` is one this scan reads.
    pub fn scans(&self, region: &str) -> bool {
        self.regions.iter().any(|r| r == region)
    }

    /// This context for another Region (a global reader placing a bucket).
    pub(crate) fn in_region(&self, region: &str) -> Cx {
        Cx {
            sdk: self
                .sdk
                .clone()
                .into_builder()
                .region(Region::new(region.to_owned()))
                .build(),
            region: Arc::from(region),
            partition: partition(region),
            ..self.clone()
        }
    }

    /// The account id being read.
    pub fn account(&self) -> &str {
        &self.account
    }

    /// `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`.
    pub fn arn(&self, service: &str, resource: &str) -> String {
        format!(
            "arn:{}:{service}:{}:{}:{resource}",
            self.partition, self.region, self.account
        )
    }

    /// Records a deployed resource.
    pub fn push(&self, resource: LiveResource) {
        lock(&self.shared.resources).push(resource);
    }

    /// Records a fact of this Region's account resource.
    pub fn fact(&self, key: &str, value: serde_json::Value) {
        self.fact_in(&self.region.clone(), key, value);
    }

    /// Records a fact of the account resource of `region` (or `GLOBAL`).
    pub fn fact_in(&self, region: &str, key: &str, value: serde_json::Value) {
        lock(&self.shared.facts)
            .entry(region.to_owned())
            .or_default()
            .insert(key.to_owned(), value);
    }

    pub(crate) fn push_stack(&self, stack: Stack) {
        lock(&self.shared.stacks).push(stack);
    }

    /// One API call: waits for a free slot, gives up after the call timeout,
    /// and turns an error into a failure naming service, Region and operation
    /// (`None`: the caller leaves out, or marks unknown, what it would have read).
    pub async fn call<T, E, F>(&self, operation: &'static str, future: F) -> Option<T>
    where
        F: Future<Output = Result<T, E>>,
        E: ProvideErrorMetadata + std::error::Error + 'static,
    {
        self.call_about(operation, None, future).await
    }

    /// [`Cx::call`] about one resource (named in the failure).
    pub async fn call_about<T, E, F>(
        &self,
        operation: &'static str,
        resource: Option<&str>,
        future: F,
    ) -> Option<T>
    where
        F: Future<Output = Result<T, E>>,
        E: ProvideErrorMetadata + std::error::Error + 'static,
    {
        match self.try_call(operation, future).await {
            Ok(v) => Some(v),
            Err(message) => {
                self.fail(operation, resource, message);
                None
            }
        }
    }

    /// Like [`Cx::call`], but hands back the error code and message instead of
    /// recording a failure: for calls whose "not found" answer means "not
    /// configured" (`NoSuchBucketPolicy`).
    pub async fn try_call<T, E, F>(
        &self,
        _operation: &'static str,
        future: F,
    ) -> Result<T, CallError>
    where
        F: Future<Output = Result<T, E>>,
        E: ProvideErrorMetadata + std::error::Error + 'static,
    {
        let _permit = self.shared.permits.acquire().await;
        self.shared.operations.fetch_add(1, Ordering::Relaxed);
        match tokio::time::timeout(self.shared.call_timeout, future).await {
            Err(_) => Err(CallError {
                code: None,
                message: format!(
                    "no answer within {} s (timed out)",
                    self.shared.call_timeout.as_secs()
                ),
            }),
            Ok(Err(e)) => Err(CallError {
                code: e.code().map(str::to_owned),
                message: match (e.code(), e.message()) {
                    (Some(code), Some(message)) => format!("{code}: {message}"),
                    (Some(code), None) => code.to_owned(),
                    _ => brief(&DisplayErrorContext(&e).to_string()),
                },
            }),
            Ok(Ok(v)) => Ok(v),
        }
    }

    /// Records a failed call.
    pub fn fail(&self, operation: &'static str, resource: Option<&str>, error: CallError) {
        lock(&self.shared.failures).push(Failure {
            service: self.service,
            region: self.region.to_string(),
            operation,
            resource: resource.map(str::to_owned),
            message: error.message,
        });
    }

    /// This context for another service.
    pub(crate) fn for_service(&self, service: &'static str) -> Cx {
        Cx {
            service,
            ..self.clone()
        }
    }
}

/// An API error, as the caller may want to inspect it.
#[derive(Debug, Clone)]
pub struct CallError {
    /// The service's error code (`AccessDenied`), when it gave one.
    pub code: Option<String>,
    /// The error message.
    pub message: String,
}

impl CallError {
    /// True when the service's error code is `code`.
    pub fn is(&self, code: &str) -> bool {
        self.code.as_deref() == Some(code)
    }
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// An error without a code (a connection refused, an HTML error page) in
/// at most 240 characters on one line: the SDK's full context carries the
/// raw response.
fn brief(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(240) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line,
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The partition of a Region name.
pub fn partition(region: &str) -> &'static str {
    if region.starts_with("cn-") {
        "aws-cn"
    } else if region.starts_with("us-gov-") {
        "aws-us-gov"
    } else {
        "aws"
    }
}

/// A one-line progress display on standard error.
struct Progress {
    total: AtomicUsize,
    done: AtomicUsize,
    started: Instant,
}

impl Progress {
    fn draw(&self, requests: u64) {
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r\x1b[2Konus: reading the account: {}/{} service·Region pairs, {} requests, {:.0?}",
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
            requests,
            self.started.elapsed()
        );
        let _ = err.flush();
    }

    fn clear(&self) {
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K");
        let _ = err.flush();
    }
}

/// A service reader: reads one service in one Region into `cx`.
pub type Reader = fn(Cx) -> std::pin::Pin<Box<dyn Future<Output = ()> + Send>>;

/// Reads the account. Blocks; Ctrl-C stops it (`Error::Interrupted`).
pub fn scan(options: &Options) -> Result<LiveScan, Error> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::Runtime(format!("cannot start the async runtime: {e}")))?;
    let result = runtime.block_on(async {
        tokio::select! {
            result = scan_async(options) => result,
            _ = tokio::signal::ctrl_c() => Err(Error::Interrupted),
        }
    });
    // Calls still in flight after Ctrl-C are dropped, not awaited.
    runtime.shutdown_background();
    result
}

async fn base_config(options: &Options) -> SdkConfig {
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .retry_config(
            RetryConfig::standard()
                .with_max_attempts(options.max_attempts.max(1))
                .with_initial_backoff(Duration::from_millis(200))
                .with_max_backoff(Duration::from_secs(10)),
        )
        .timeout_config(
            TimeoutConfig::builder()
                .connect_timeout(Duration::from_secs(5))
                .read_timeout(Duration::from_secs(30))
                .operation_attempt_timeout(Duration::from_secs(30))
                .build(),
        );
    if let Some(profile) = &options.profile {
        loader = loader.profile_name(profile);
    }
    if let Some(url) = &options.endpoint_url {
        loader = loader.endpoint_url(url);
    }
    let config = loader.load().await;
    if config.region().is_none() {
        // No Region in the environment or profile: ask a commercial one.
        config
            .into_builder()
            .region(Region::new("us-east-1"))
            .build()
    } else {
        config
    }
}

async fn scan_async(options: &Options) -> Result<LiveScan, Error> {
    let started = Instant::now();
    let base = base_config(options).await;
    let home = base
        .region()
        .map(|r| r.as_ref().to_owned())
        .unwrap_or_else(|| "us-east-1".into());
    let progress = (options.progress && std::io::stderr().is_terminal()).then(|| Progress {
        total: AtomicUsize::new(0),
        done: AtomicUsize::new(0),
        started,
    });
    let shared = Arc::new(Shared {
        permits: Semaphore::new(options.concurrency.max(1)),
        call_timeout: options.call_timeout,
        requests: Arc::new(AtomicU64::new(0)),
        operations: AtomicU64::new(0),
        resources: Mutex::new(Vec::new()),
        failures: Mutex::new(Vec::new()),
        stacks: Mutex::new(Vec::new()),
        facts: Mutex::new(Default::default()),
        progress,
        endpoint_set: options.endpoint_url.is_some(),
    });
    let home_cx = Cx {
        sdk: base.clone(),
        account: Arc::from(""),
        partition: partition(&home),
        region: Arc::from(home.as_str()),
        shared: shared.clone(),
        service: "sts",
        regions: Arc::from(Vec::new()),
    };
    let account = crate::services::identity(&home_cx)
        .await
        .map_err(|e| Error::Identity(e.message))?;
    let home_cx = Cx {
        account: Arc::from(account.as_str()),
        ..home_cx
    };
    let regions = if options.regions.is_empty() {
        crate::services::enabled_regions(&home_cx.for_service("ec2")).await
    } else {
        options.regions.clone()
    };
    let home_cx = Cx {
        regions: Arc::from(regions.clone()),
        ..home_cx
    };
    let mut tasks = tokio::task::JoinSet::new();
    let mut spawn = |cx: Cx, reader: Reader| {
        if let Some(p) = &shared.progress {
            p.total.fetch_add(1, Ordering::Relaxed);
        }
        let shared = shared.clone();
        tasks.spawn(async move {
            reader(cx).await;
            if let Some(p) = &shared.progress {
                p.done.fetch_add(1, Ordering::Relaxed);
                p.draw(shared.requests.load(Ordering::Relaxed));
            }
        });
    };
    for (service, reader) in crate::services::GLOBAL_READERS {
        spawn(home_cx.for_service(service), *reader);
    }
    for region in &regions {
        let sdk = base
            .clone()
            .into_builder()
            .region(Region::new(region.clone()))
            .build();
        let cx = Cx {
            sdk,
            region: Arc::from(region.as_str()),
            partition: partition(region),
            ..home_cx.clone()
        };
        for (service, reader) in crate::services::REGIONAL_READERS {
            spawn(cx.for_service(service), *reader);
        }
    }
    while let Some(joined) = tasks.join_next().await {
        if let Err(e) = joined
            && e.is_panic()
        {
            return Err(Error::Runtime(format!("a service reader panicked: {e}")));
        }
    }
    if let Some(p) = &shared.progress {
        p.clear();
    }
    let mut failures = std::mem::take(&mut *lock(&shared.failures));
    failures.sort();
    failures.dedup();
    let facts = std::mem::take(&mut *lock(&shared.facts));
    let mut resources = std::mem::take(&mut *lock(&shared.resources));
    resources.extend(crate::services::account_resources(
        &home_cx, &regions, facts,
    ));
    resources.sort_by(|a, b| a.arn.cmp(&b.arn));
    let mut stacks = std::mem::take(&mut *lock(&shared.stacks));
    stacks.sort_by(|a, b| (&a.region, &a.name).cmp(&(&b.region, &b.name)));
    Ok(LiveScan {
        account,
        regions,
        resources,
        failures,
        stacks,
        requests: shared.requests.load(Ordering::Relaxed),
        operations: shared.operations.load(Ordering::Relaxed),
        elapsed: started.elapsed(),
    })
}

impl LiveScan {
    /// The deployed resources as a workload (one unit per Region), with a
    /// diagnostic (an error: the scan is incomplete) for every failed call,
    /// located at the service in its Region.
    pub fn workload(&self) -> onus_ingest::Workload {
        let mut workload = crate::model::into_workload(&self.account, self.resources.clone());
        for f in &self.failures {
            let place = format!(
                "arn:{}:{}:{}:{}",
                partition(&f.region),
                f.service,
                f.region,
                self.account
            );
            let file =
                workload.add_file(place.into(), Some(onus_ingest::Format::Aws), Arc::from(""));
            workload.error(file, None, f.to_string());
        }
        workload
    }
}
