module github.com/devpie/client-events/go

go 1.24
