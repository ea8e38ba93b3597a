module github.com/deniedhq/denied

go 1.26.8
