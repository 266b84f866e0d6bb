# The eu-west-1 part of the live-scan workload (tests/live/seed.py), as
# Terraform: `onus scan tests/live/terraform --aws --tf-state
# tests/live/eu.tfstate` joins the queue through the state (its name is not
# known statically) and the table through its literal name.

variable "environment" {
  type = string
}

resource "aws_sqs_queue" "plain" {
  name                    = "onus-live-eu-${var.environment}"
  sqs_managed_sse_enabled = true
}

resource "aws_dynamodb_table" "sessions" {
  name         = "onus-live-eu-sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }
}
