# Helpers every onus policy can use: `import data.onus`.
# Documented in docs/POLICIES.md.
package onus

import rego.v1

# The version of the input layout (`input.version`) these helpers read.
input_version := 1

# True when x is a value onus could not resolve statically (a parameter
# without a default, a Terraform variable): {"$unknown": why}.
unknown(x) if {
	is_object(x)
	is_string(x["$unknown"])
}

# True when x is another resource's attribute, set but known only at deploy
# time: {"$ref": id, "attribute": name}.
reference(x) if {
	is_object(x)
	is_string(x["$ref"])
}

# True when a condition onus cannot decide chooses x: {"$either": [a, b]}.
conditional(x) if {
	is_object(x)
	is_array(x["$either"])
}

# True when x is a plain value: none of the three above. (The helpers test
# the markers inline, behind is_object: a call, or looking up a key of a
# string, costs more than the test.)
resolved(x) if not is_object(x)

resolved(x) if {
	is_object(x)
	not is_string(x["$unknown"])
	not is_string(x["$ref"])
	not is_array(x["$either"])
}

# The values x may take: every branch of a condition, else x alone.
values(x) := x["$either"] if {
	is_object(x)
	is_array(x["$either"])
} else := [x]

# Why x cannot be told statically, for an unknown verdict's message.
why(x) := "it is not resolved" if {
	not is_object(x)
} else := x["$unknown"] if {
	is_string(x["$unknown"])
} else := sprintf("%s of %s, known only at deploy time", [object.get(x, "attribute", "value"), x["$ref"]]) if {
	is_string(x["$ref"])
} else := "a condition onus cannot decide chooses it" if {
	is_array(x["$either"])
} else := "it is not resolved"

# The value of tag `key` in a resource's properties: CloudFormation
# `Tags: [{Key, Value}]` or Terraform `tags = {key = value}`. Undefined when
# the resource has no such tag.
tag(properties, key) := value if {
	some t in properties.Tags
	t.Key == key
	value := t.Value
} else := properties.tags[key]

# True when the resource's tags cannot be read statically (the whole list or
# map, or one of its items, is unresolved).
tags_unresolved(properties) if {
	tags := properties.Tags
	not resolved(tags)
}

tags_unresolved(properties) if {
	tags := properties.tags
	not resolved(tags)
}

tags_unresolved(properties) if {
	some t in properties.Tags
	not resolved(t)
}
