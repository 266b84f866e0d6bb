# A three-tier web shop: a public load balancer, an Auto Scaling web tier, a
# PostgreSQL database, an assets bucket and an audit trail. The same workload
# as ../cloudformation/three-tier.yaml, so both give the same verdicts.

provider "aws" {
  region = "eu-west-1"
}

variable "certificate_arn" {
  type    = string
  default = "arn:aws:acm:eu-west-1:111122223333:certificate/11111111-2222-3333-4444-555555555555"
}

variable "image_id" {
  type    = string
  default = "ami-0123456789abcdef0"
}

variable "backup_days" {
  type        = number
  description = "Days of automated database backups (set per environment at apply time)."
}

data "aws_caller_identity" "current" {}

resource "aws_kms_key" "data_key" {
  description         = "Encrypts the shop's data"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AccountAdmin"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

resource "aws_vpc" "vpc" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "public_subnet" {
  vpc_id                  = aws_vpc.vpc.id
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = true
}

resource "aws_subnet" "private_subnet" {
  vpc_id     = aws_vpc.vpc.id
  cidr_block = "10.0.2.0/24"
}

resource "aws_security_group" "load_balancer" {
  description = "Public HTTPS"
  vpc_id      = aws_vpc.vpc.id

  ingress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    protocol    = "tcp"
    from_port   = 80
    to_port     = 80
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "web" {
  description = "Web tier"
  vpc_id      = aws_vpc.vpc.id

  ingress {
    protocol        = "tcp"
    from_port       = 8080
    to_port         = 8080
    security_groups = [aws_security_group.load_balancer.id]
  }

  # The allow-all egress rule AWS gives every new group (Terraform removes it
  # unless it is declared, CloudFormation keeps it).
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc_security_group_ingress_rule" "web_ssh_from_anywhere" {
  security_group_id = aws_security_group.web.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_security_group" "database" {
  description = "Database"
  vpc_id      = aws_vpc.vpc.id

  ingress {
    protocol        = "tcp"
    from_port       = 5432
    to_port         = 5432
    security_groups = [aws_security_group.web.id]
  }

  # The allow-all egress rule AWS gives every new group (Terraform removes it
  # unless it is declared, CloudFormation keeps it).
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_lb" "load_balancer" {
  load_balancer_type = "application"
  internal           = false
  subnets            = [aws_subnet.public_subnet.id]
  security_groups    = [aws_security_group.load_balancer.id]
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.load_balancer.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.load_balancer.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_target_group" "web" {
  vpc_id   = aws_vpc.vpc.id
  port     = 8080
  protocol = "HTTP"
}

resource "aws_launch_template" "web" {
  image_id               = var.image_id
  instance_type          = "t3.small"
  vpc_security_group_ids = [aws_security_group.web.id]

  metadata_options {
    http_tokens = "required"
  }

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 20
      encrypted   = true
    }
  }
}

resource "aws_autoscaling_group" "web" {
  min_size            = 2
  max_size            = 4
  vpc_zone_identifier = [aws_subnet.private_subnet.id]
  target_group_arns   = [aws_lb_target_group.web.arn]

  launch_template {
    id      = aws_launch_template.web.id
    version = aws_launch_template.web.latest_version
  }
}

resource "aws_db_parameter_group" "database" {
  description = "Require TLS"
  family      = "postgres16"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}

resource "aws_db_subnet_group" "database" {
  description = "Private subnets"
  subnet_ids  = [aws_subnet.private_subnet.id]
}

resource "aws_db_instance" "database" {
  engine                      = "postgres"
  engine_version              = "16.4"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  storage_encrypted           = true
  kms_key_id                  = aws_kms_key.data_key.arn
  publicly_accessible         = false
  db_subnet_group_name        = aws_db_subnet_group.database.name
  parameter_group_name        = aws_db_parameter_group.database.name
  vpc_security_group_ids      = [aws_security_group.database.id]
  username                    = "shop"
  manage_master_user_password = true
  backup_retention_period     = var.backup_days
  deletion_protection         = true
}

resource "aws_s3_bucket" "assets" {
  bucket = "shop-assets-example"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "assets" {
  bucket = aws_s3_bucket.assets.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data_key.arn
    }
  }
}

resource "aws_s3_bucket_public_access_block" "assets" {
  bucket                  = aws_s3_bucket.assets.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "assets" {
  bucket = aws_s3_bucket.assets.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "trail" {
  bucket = "shop-trail-example"
}

resource "aws_s3_bucket_public_access_block" "trail" {
  bucket                  = aws_s3_bucket.trail.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = false
}

resource "aws_cloudtrail" "trail" {
  name                       = "shop"
  enable_logging             = true
  s3_bucket_name             = aws_s3_bucket.trail.id
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

resource "aws_sqs_queue" "orders" {
  name              = "shop-orders"
  kms_master_key_id = aws_kms_key.data_key.arn
}

resource "aws_backup_vault" "shop" {
  name        = "shop"
  kms_key_arn = aws_kms_key.data_key.arn
}

resource "aws_backup_plan" "shop" {
  name = "shop-daily"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.shop.name
    schedule          = "cron(0 3 * * ? *)"

    lifecycle {
      delete_after = 35
    }
  }
}

resource "aws_backup_selection" "database" {
  name         = "database"
  plan_id      = aws_backup_plan.shop.id
  iam_role_arn = "arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole"
  resources    = [aws_db_instance.database.arn]
}
