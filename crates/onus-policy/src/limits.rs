//! What a policy may cost, and what it may not reach.
//!
//! regorus is built without `std`, so it has no clock of its own: its
//! execution timer reads the time only through [`TimeSource`], and here that
//! source counts evaluation steps instead of reading a clock. A policy is
//! stopped after the same number of steps on every run and every machine,
//! however loaded it is. Builtins that could allocate without bound in one
//! call are replaced by bounded ones.

use regorus::utils::limits::{ExecutionTimerConfig, LimitError, TimeSource, set_time_source};
use regorus::{Engine, Value};
use std::cell::Cell;
use std::num::NonZeroU32;
use std::time::Duration;

/// Interpreter steps (statements and expressions evaluated) between two reads
/// of the step clock.
const STEPS_PER_TICK: u32 = 256;
/// The steps one policy may take on one resource (docs/POLICIES.md,
/// docs/LIMITS.md): about 10 million, a second or so of work where an
/// ordinary policy takes microseconds.
pub const STEP_BUDGET: u64 = 40_000 * STEPS_PER_TICK as u64;
/// Most elements `numbers.range` and `numbers.range_step` may build.
pub const MAX_RANGE: i64 = 1_000_000;

thread_local! {
    /// Ticks read on this thread. An evaluation runs on one thread from start
    /// to end, so its ticks are its own.
    static TICKS_READ: Cell<u64> = const { Cell::new(0) };
}

/// The step clock: every read is one tick later (one "millisecond").
struct StepClock;

impl TimeSource for StepClock {
    fn now(&self) -> Option<Duration> {
        let ticks = TICKS_READ.with(|t| {
            t.set(t.get() + 1);
            t.get()
        });
        Some(Duration::from_millis(ticks))
    }
}

static STEP_CLOCK: StepClock = StepClock;

/// Bounds `engine`: `budget` steps per evaluation (rounded up to a tick),
/// and bounded builtins.
pub fn bound(engine: &mut Engine, budget: u64) -> anyhow::Result<()> {
    // The first engine installs the clock; later calls find it in place.
    let _ = set_time_source(&STEP_CLOCK);
    engine.set_execution_timer_config(ExecutionTimerConfig {
        limit: Duration::from_millis(budget.div_ceil(u64::from(STEPS_PER_TICK))),
        check_interval: NonZeroU32::new(STEPS_PER_TICK).unwrap_or(NonZeroU32::MIN),
    });
    engine.add_extension(
        "numbers.range".into(),
        2,
        Box::new(|args: Vec<Value>| range("numbers.range", &args, None)),
    )?;
    engine.add_extension(
        "numbers.range_step".into(),
        3,
        Box::new(|args: Vec<Value>| {
            let step = integer("numbers.range_step", &args, 2)?;
            if step <= 0 {
                anyhow::bail!("numbers.range_step: step must be a positive integer");
            }
            range("numbers.range_step", &args, Some(step))
        }),
    )?;
    Ok(())
}

fn integer(name: &str, args: &[Value], i: usize) -> anyhow::Result<i64> {
    args.get(i)
        .and_then(|v| v.as_i64().ok())
        .ok_or_else(|| anyhow::anyhow!("{name}: operand {} must be an integer", i + 1))
}

/// `numbers.range(a, b)` (step 1, either direction) or
/// `numbers.range_step(a, b, step)` (from a towards b), as OPA defines them,
/// refused past [`MAX_RANGE`] elements.
fn range(name: &str, args: &[Value], step: Option<i64>) -> anyhow::Result<Value> {
    let (a, b) = (integer(name, args, 0)?, integer(name, args, 1)?);
    let step = step.unwrap_or(1);
    let len = (i128::from(b) - i128::from(a)).abs() / i128::from(step) + 1;
    if len > i128::from(MAX_RANGE) {
        anyhow::bail!("{name}: {len} elements is over onus's limit of {MAX_RANGE}");
    }
    let items: Vec<Value> = if a <= b {
        (a..=b).step_by(step as usize).map(Value::from).collect()
    } else {
        (b..=a)
            .rev()
            .step_by(step as usize)
            .map(Value::from)
            .collect()
    };
    Ok(Value::from(items))
}

/// True when `error` is the step budget running out.
pub fn is_budget(error: &anyhow::Error) -> bool {
    error.chain().any(|e| {
        matches!(
            e.downcast_ref::<LimitError>(),
            Some(LimitError::TimeLimitExceeded { .. })
        )
    })
}
