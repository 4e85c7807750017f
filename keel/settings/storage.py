"""Uploaded files on an S3-compatible bucket (issue 12), switched on by KEEL_S3_BUCKET.

base.py and production.py both call `with_s3_storage` after defining STORAGES, and the tests
call it too, so the configuration they exercise is the one deployments get.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

S3_BACKEND = "storages.backends.s3.S3Storage"


def s3_options(environ: Mapping[str, str]) -> dict[str, Any] | None:
    """The S3Storage OPTIONS for the KEEL_S3_* variables, or None when no bucket is set.

    The bucket stays private: objects get no ACL (so the bucket's own, private, policy
    applies), and any URL the backend builds is signed and expires. Keel never links to the
    bucket anyway: members download through Django views that check access first and read
    the object through the storage API.
    """
    bucket = environ.get("KEEL_S3_BUCKET", "").strip()
    if not bucket:
        return None
    return {
        "bucket_name": bucket,
        # Empty means AWS itself; set for MinIO, Ceph, Cloudflare R2, Aliyun OSS, Tencent COS…
        "endpoint_url": environ.get("KEEL_S3_ENDPOINT_URL", "").strip() or None,
        "region_name": environ.get("KEEL_S3_REGION", "").strip() or None,
        # Empty keys let boto3 find credentials itself (instance role, ~/.aws, AWS_* vars).
        "access_key": environ.get("KEEL_S3_ACCESS_KEY_ID", "").strip() or None,
        "secret_key": environ.get("KEEL_S3_SECRET_ACCESS_KEY", "").strip() or None,
        # "virtual" for providers that refuse path-style requests (Aliyun OSS, Tencent COS),
        # "path" for a MinIO without wildcard DNS; empty lets botocore choose.
        "addressing_style": environ.get("KEEL_S3_ADDRESSING_STYLE", "").strip() or None,
        "location": environ.get("KEEL_S3_PREFIX", "").strip().strip("/"),
        "default_acl": None,
        "querystring_auth": True,
        # Two uploads with the same name must both survive (a suffix is added), as on disk.
        "file_overwrite": False,
    }


def with_s3_storage(
    storages: dict[str, Any], environ: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """`storages` with the default storage on S3 when KEEL_S3_BUCKET is set; unchanged (the
    local FileSystemStorage under KEEL_DATA_DIR) otherwise. Static files are never moved."""
    options = s3_options(os.environ if environ is None else environ)
    if options is None:
        return storages
    return {**storages, "default": {"BACKEND": S3_BACKEND, "OPTIONS": options}}
