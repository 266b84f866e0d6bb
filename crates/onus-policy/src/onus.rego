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

# True when x is a plain value: none of the three above.
resolved(x) if {
	not unknown(x)
	not reference(x)
	not conditional(x)
}

# The values x may take: every branch of a condition, else x alone.
values(x) := x["$either"] if conditional(x)

else := [x]

# Why x cannot be told statically, for an unknown verdict's message.
why(x) := x["$unknown"] if unknown(x)

else := sprintf("%s of %s, known only at deploy time", [object.get(x, "attribute", "value"), x["$ref"]]) if reference(x)

else := "a condition onus cannot decide chooses it" if conditional(x)

else := "it is not resolved"

# The value of tag `key` in a resource's properties: CloudFormation
# `Tags: [{Key, Value}]` or Terraform `tags = {key = value}`. Undefined when
# the resource has no such tag.
tag(properties, key) := value if {
	some t in properties.Tags
	t.Key == key
	value := t.Value
}

tag(properties, key) := properties.tags[key]

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
