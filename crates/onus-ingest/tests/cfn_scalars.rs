//! Plain YAML scalars resolve as YAML 1.1 (CloudFormation's schema).

use onus_ingest::Value;
use onus_ingest::cfn::yaml::resolve_plain;

#[test]
fn yaml_1_1_scalars() {
    let cases: &[(&str, Value)] = &[
        ("", Value::Null),
        ("~", Value::Null),
        ("null", Value::Null),
        ("yes", Value::Bool(true)),
        ("No", Value::Bool(false)),
        ("on", Value::Bool(true)),
        ("OFF", Value::Bool(false)),
        ("true", Value::Bool(true)),
        ("y", Value::String("y".into())),
        ("0755", Value::Number(493.0)),
        ("0x1F", Value::Number(31.0)),
        ("0b101", Value::Number(5.0)),
        ("1_000", Value::Number(1000.0)),
        ("-12", Value::Number(-12.0)),
        ("190:20:30", Value::Number(685_230.0)),
        ("8080:80", Value::String("8080:80".into())),
        ("1.5", Value::Number(1.5)),
        ("6.8523015e+5", Value::Number(685_230.15)),
        ("1e3", Value::String("1e3".into())),
        ("1.10", Value::Number(1.1)),
        ("0.5", Value::Number(0.5)),
        ("08", Value::String("08".into())),
        ("123456789012", Value::Number(123_456_789_012.0)),
        (
            "12345678901234567890",
            Value::String("12345678901234567890".into()),
        ),
        ("python3.12", Value::String("python3.12".into())),
        ("aws:kms", Value::String("aws:kms".into())),
        (".inf", Value::Number(f64::INFINITY)),
    ];
    for (text, want) in cases {
        assert_eq!(&resolve_plain(text), want, "{text:?}");
    }
    assert!(matches!(resolve_plain(".nan"), Value::Number(n) if n.is_nan()));
}
