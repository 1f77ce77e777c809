#!/bin/sh
# Regenerates the test-only certificate for localhost (127.0.0.1, ::1) in this folder.
# `openssl ca -selfsign` rather than `openssl req -x509` because only it can back-date the
# start of validity (OpenSSL 3.0): a machine whose clock runs behind must still trust it.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/ca.cnf" <<'CNF'
[ ca ]
default_ca = selfsign
[ selfsign ]
database = $ENV::WORK/index.txt
new_certs_dir = $ENV::WORK
serial = $ENV::WORK/serial
default_md = sha256
policy = anything
copy_extensions = none
x509_extensions = leaf
unique_subject = no
[ anything ]
commonName = supplied
organizationName = optional
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
O = CRM e-mail FAQ harness (tests only)
CN = localhost
[ leaf ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1
subjectKeyIdentifier = hash
CNF
touch "$work/index.txt"
echo 01 > "$work/serial"
export WORK="$work"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out localhost-key.pem
openssl req -new -key localhost-key.pem -config "$work/ca.cnf" -out "$work/request.csr"
openssl ca -batch -config "$work/ca.cnf" -selfsign -keyfile localhost-key.pem -in "$work/request.csr" \
  -startdate 20000101000000Z -enddate 20991231235959Z -notext -out localhost-cert.pem
