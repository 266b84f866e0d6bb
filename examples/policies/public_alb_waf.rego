# METADATA
# title: Internet-facing load balancers sit behind AWS WAF
# description: |
#   An Application Load Balancer that the internet can reach has a web ACL
#   associated with it, so that the common attacks on web applications are
#   filtered before they reach the instances. What the internet can reach is
#   the customer's to decide and protect: AWS runs the load balancer, not its
#   exposure. A web ACL counts when an association in the same code refers to
#   the load balancer.
# custom:
#   id: acme.public-alb-waf
#   duty: network-exposure
#   severity: high
#   cloudformation: [AWS::ElasticLoadBalancingV2::LoadBalancer]
#   terraform: [aws_lb, aws_alb]
package acme.public_alb_waf

import data.onus
import rego.v1

associations := {
	"AWS::WAFv2::WebACLAssociation",
	"AWS::WAFRegional::WebACLAssociation",
	"aws_wafv2_web_acl_association",
	"aws_wafregional_web_acl_association",
}

properties := input.resource.properties

cloudformation if input.resource.format in {"cloudformation", "sam", "aws"}

# The load balancer's type and whether it is internal, with their defaults
# (an internet-facing Application Load Balancer) and where they are set.
kind := object.get(properties, "Type", "application") if cloudformation

else := object.get(properties, "load_balancer_type", "application")

# Whether it faces the internet, with its default, and where that is set.
exposure_path := "Scheme" if cloudformation

else := "internal"

exposure := object.get(properties, "Scheme", "internet-facing") if cloudformation

else := object.get(properties, "internal", false)

internal if exposure == "internal"

internal if exposure == true

web_acl contains r.id if {
	some r in input.referred_by
	r.resource.type in associations
}

verdict := {"status": "unknown", "msg": onus.why(kind), "path": "load_balancer_type"} if {
	not onus.resolved(kind)
} else := {"status": "not-applicable", "msg": sprintf("a %s load balancer: AWS WAF protects Application Load Balancers", [kind])} if {
	kind != "application"
} else := {"status": "unknown", "msg": onus.why(exposure), "path": exposure_path} if {
	not onus.resolved(exposure)
} else := {"status": "not-applicable", "msg": "an internal load balancer"} if {
	internal
} else := {"status": "met", "msg": sprintf("web ACL associated by %s", [concat(", ", web_acl)])} if {
	count(web_acl) > 0
} else := {"status": "not-met", "msg": "internet-facing, and no web ACL is associated with it", "path": exposure_path}
