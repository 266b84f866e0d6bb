//! Amazon MQ brokers: which engine a broker runs decides which settings
//! exist (audit logs and KMS keys are ActiveMQ's only).

use crate::check::{get, spelling};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};

/// True for a RabbitMQ broker, false for ActiveMQ; the verdict when
/// `EngineType` / `engine_type` is absent or not static.
pub fn is_rabbitmq(resource: &Resource) -> Result<bool, Verdict> {
    let path = spelling(resource, "EngineType", "engine_type");
    let Some(engine) = get(resource, path) else {
        return Err(Verdict::missing(
            resource,
            path,
            format!("{path} is not set"),
        ));
    };
    match (&engine.value, engine.scalar_text()) {
        (_, Some(s)) => Ok(s.eq_ignore_ascii_case("rabbitmq")),
        (Value::Unknown(u), _) => Err(Verdict::unknown(resource, engine.span, path, u.clone())),
        _ => Err(Verdict::unknown(
            resource,
            engine.span,
            path,
            format!("{path}, which depends on a condition"),
        )),
    }
}
