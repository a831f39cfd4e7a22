package graph

// Regenerate graph/generated, graph/model and resolver stubs from graph/schema.
//go:generate go -C .. tool gqlgen generate
