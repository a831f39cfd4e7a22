package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"
)

// rawClient is one buyer's keep-alive HTTP/1.1 connection, driven by hand
// during the measured waves. Its requests are built before a wave starts
// and a reply is read with one buffered reader, without net/http's client
// (which hands every request to two goroutines of its own): the load and
// the server share the machine's cores, and every microsecond the load
// spends is one the server does not get.
type rawClient struct {
	conn net.Conn
	br   *bufio.Reader
}

func dialRaw(ctx context.Context, addr string) (*rawClient, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	return &rawClient{conn: conn, br: bufio.NewReaderSize(conn, 4096)}, nil
}

func (c *rawClient) close() { _ = c.conn.Close() }

// rawPost is a complete POST /graphql request with body and token.
func rawPost(addr, token string, body []byte) []byte {
	b := make([]byte, 0, 256+len(body))
	b = append(b, "POST /graphql HTTP/1.1\r\nHost: "...)
	b = append(b, addr...)
	b = append(b, "\r\nContent-Type: application/json\r\n"...)
	if token != "" {
		b = append(b, "Authorization: Bearer "...)
		b = append(b, token...)
		b = append(b, "\r\n"...)
	}
	b = append(b, "Content-Length: "...)
	b = strconv.AppendInt(b, int64(len(body)), 10)
	b = append(b, "\r\n\r\n"...)
	return append(b, body...)
}

// do sends req and returns the reply's body (an error unless 200 OK).
func (c *rawClient) do(req []byte) ([]byte, error) {
	if err := c.conn.SetDeadline(time.Now().Add(60 * time.Second)); err != nil {
		return nil, err
	}
	if _, err := c.conn.Write(req); err != nil {
		return nil, err
	}
	resp, err := http.ReadResponse(c.br, nil)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d: %s", resp.StatusCode, body)
	}
	return body, nil
}
