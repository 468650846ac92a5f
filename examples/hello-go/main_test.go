package main

import "testing"

func TestGreeting(t *testing.T) {
	if got := greeting(""); got != "hello, world" {
		t.Fatalf("greeting(\"\") = %q", got)
	}
	if got := greeting("stages"); got != "hello, stages" {
		t.Fatalf("greeting(\"stages\") = %q", got)
	}
}
