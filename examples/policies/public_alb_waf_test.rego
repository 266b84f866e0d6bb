package acme.public_alb_waf_test

import data.acme.public_alb_waf
import rego.v1

alb(properties, referred_by) := {
	"resource": {"type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "format": "cloudformation", "properties": properties},
	"referred_by": referred_by,
}

tf_lb(properties, referred_by) := {
	"resource": {"type": "aws_lb", "format": "terraform", "properties": properties},
	"referred_by": referred_by,
}

association := {"path": "ResourceArn", "id": "WebAcl", "attribute": null, "resource": {"id": "WebAcl", "type": "AWS::WAFv2::WebACLAssociation", "properties": {}}}

listener := {"path": "LoadBalancerArn", "id": "Listener", "attribute": null, "resource": {"id": "Listener", "type": "AWS::ElasticLoadBalancingV2::Listener", "properties": {}}}

test_public_alb_with_a_web_acl_is_met if {
	public_alb_waf.verdict.status == "met" with input as alb({"Scheme": "internet-facing"}, [association, listener])
}

test_public_alb_without_a_web_acl_is_not_met if {
	v := public_alb_waf.verdict with input as alb({}, [listener])
	v.status == "not-met"
	v.path == "Scheme"
}

test_terraform_defaults_to_public if {
	v := public_alb_waf.verdict with input as tf_lb({"subnets": []}, [])
	v.status == "not-met"
	v.path == "internal"
}

test_internal_load_balancers_do_not_apply if {
	public_alb_waf.verdict.status == "not-applicable" with input as alb({"Scheme": "internal"}, [])
	public_alb_waf.verdict.status == "not-applicable" with input as tf_lb({"internal": true}, [])
}

test_network_load_balancers_do_not_apply if {
	public_alb_waf.verdict.status == "not-applicable" with input as tf_lb({"load_balancer_type": "network"}, [])
}

test_scheme_from_a_parameter_is_unknown if {
	v := public_alb_waf.verdict with input as alb({"Scheme": {"$unknown": "parameter Scheme has no default"}}, [])
	v.status == "unknown"
	v.path == "Scheme"
}
