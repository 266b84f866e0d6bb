//! SAM function events and `EventInvokeConfig`: the permissions SAM adds for
//! asynchronous event sources and the event invoke configuration it creates
//! are resources of the workload, as they are of the deployed stack.

use onus_ingest::{Node, Options, Value, ingest};

const TEMPLATE: &str = r#"
Transform: AWS::Serverless-2016-10-31
Resources:
  Uploads:
    Type: AWS::S3::Bucket
  Topic:
    Type: AWS::SNS::Topic
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/
      EventInvokeConfig:
        MaximumRetryAttempts: 1
        DestinationConfig:
          OnFailure:
            Type: SQS
          OnSuccess:
            Type: Lambda
            Destination: arn:aws:lambda:eu-west-1:111122223333:function:next
      Events:
        Upload:
          Type: S3
          Properties:
            Bucket: !Ref Uploads
            Events: s3:ObjectCreated:*
        Alert:
          Type: SNS
          Properties:
            Topic: !Ref Topic
        Web:
          Type: Api
          Properties:
            Path: /
            Method: get
"#;

fn text(node: Option<&Node>) -> Option<String> {
    node.and_then(Node::scalar_text)
}

#[test]
fn async_event_sources_get_their_permissions_and_invoke_config() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("template.yaml"), TEMPLATE).unwrap();
    let w = ingest(&[dir.path().to_path_buf()], &Options::default());
    assert!(!w.incomplete(), "{:?}", w.diagnostics);
    let find = |id: &str| {
        w.resources
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("{id} missing"))
    };
    let upload = find("HandlerUploadPermission");
    assert_eq!(upload.resource_type, "AWS::Lambda::Permission");
    assert_eq!(
        text(upload.properties.get("Principal")).as_deref(),
        Some("s3.amazonaws.com")
    );
    assert!(matches!(
        upload.properties.get("FunctionName").map(|n| &n.value),
        Some(Value::Ref(r)) if r.target == "Handler"
    ));
    assert!(upload.properties.get("SourceAccount").is_some());
    let alert = find("HandlerAlertPermission");
    assert_eq!(
        text(alert.properties.get("Principal")).as_deref(),
        Some("sns.amazonaws.com")
    );
    assert!(matches!(
        alert.properties.get("SourceArn").map(|n| &n.value),
        Some(Value::Ref(r)) if r.target == "Topic"
    ));
    // API events are synchronous: SAM's permission for them is not generated.
    assert!(w.resources.iter().all(|r| r.id != "HandlerWebPermission"));
    let config = find("HandlerEventInvokeConfig");
    assert_eq!(config.resource_type, "AWS::Lambda::EventInvokeConfig");
    let on_failure = config
        .properties
        .path(["DestinationConfig", "OnFailure", "Destination"])
        .expect("on-failure destination");
    // No Destination on an SQS destination: the queue SAM creates.
    assert!(
        matches!(&on_failure.value, Value::Ref(r) if r.target == "HandlerEventInvokeConfigOnFailureQueue")
    );
    assert_eq!(
        text(
            config
                .properties
                .path(["DestinationConfig", "OnSuccess", "Destination"])
        )
        .as_deref(),
        Some("arn:aws:lambda:eu-west-1:111122223333:function:next")
    );
    assert_eq!(
        text(config.properties.get("MaximumRetryAttempts")).as_deref(),
        Some("1")
    );
}
