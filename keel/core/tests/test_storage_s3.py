"""Uploaded files on an S3-compatible bucket (issue 12): with KEEL_S3_BUCKET set, task
attachments and wiki files are stored in the bucket, privately, and members download them
through Keel's own permission-checked views (ranges included), never from the bucket.

The bucket is moto's in-process mock of S3; STORAGES is built by the same function the
settings call (keel.settings.storage.with_s3_storage), so the real configuration is tested.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto import mock_aws
from PIL import Image

from keel.core import backup
from keel.settings.storage import S3_BACKEND, with_s3_storage
from keel.tasks import services as task_services
from keel.tasks.tests.factories import ProjectFactory, TaskFactory
from keel.wiki import services as wiki_services
from keel.wiki.services.files import attachment_upload

BUCKET = "keel-files"
PREFIX = "keel-media"
ENVIRON = {
    "KEEL_S3_BUCKET": BUCKET,
    "KEEL_S3_REGION": "us-east-1",
    "KEEL_S3_ACCESS_KEY_ID": "testing",
    "KEEL_S3_SECRET_ACCESS_KEY": "testing",
    "KEEL_S3_PREFIX": f"/{PREFIX}/",
}
PUBLIC_GRANTEES = (
    "http://acs.amazonaws.com/groups/global/AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
)


def _png() -> bytes:
    out = io.BytesIO()
    Image.frombytes("L", (64, 64), bytes(range(256)) * 16).save(out, "PNG")
    return out.getvalue()


PNG = _png()  # a real picture: the wiki decodes uploaded pictures
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + bytes(range(256)) * 16


# --- Configuration --------------------------------------------------------------------------


def test_without_a_bucket_uploads_stay_on_the_local_disk():
    base = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}

    assert with_s3_storage(base, {}) == base
    assert with_s3_storage(base, {"KEEL_S3_BUCKET": "  ", "KEEL_S3_REGION": "eu"}) == base


def _settings_storage(module: str, **environ: str) -> dict:
    """STORAGES["default"] as a fresh interpreter importing `module` with `environ` sees it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KEEL_", "AWS_"))}
    env |= {"KEEL_DATA_DIR": str(Path(environ.pop("data_dir"))), **environ}
    code = f"import json, {module} as s; print(json.dumps(s.STORAGES['default']))"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60,
        check=True, cwd=Path(__file__).resolve().parents[3],
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


PRODUCTION_ENV = {"KEEL_SECRET_KEY": "x" * 60, "KEEL_ALLOWED_HOSTS": "keel.example.com"}


@pytest.mark.parametrize("module", ["keel.settings.base", "keel.settings.production"])
def test_settings_keep_the_file_system_storage_without_a_bucket(module, tmp_path):
    storage = _settings_storage(module, data_dir=str(tmp_path), **PRODUCTION_ENV)
    assert storage == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


@pytest.mark.parametrize("module", ["keel.settings.base", "keel.settings.production"])
def test_settings_switch_to_the_bucket_when_one_is_set(module, tmp_path):
    storage = _settings_storage(module, data_dir=str(tmp_path), **PRODUCTION_ENV, **ENVIRON)
    assert storage["BACKEND"] == S3_BACKEND
    assert storage["OPTIONS"]["bucket_name"] == BUCKET


def test_a_bucket_moves_only_uploads_to_a_private_s3_storage():
    static = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    base = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": static}  # fmt: skip
    environ = {**ENVIRON, "KEEL_S3_ENDPOINT_URL": "https://minio.example.com:9000"}

    result = with_s3_storage(base, environ)

    assert result["staticfiles"] == static
    assert result["default"]["BACKEND"] == S3_BACKEND == "storages.backends.s3.S3Storage"
    options = result["default"]["OPTIONS"]
    assert options["bucket_name"] == BUCKET
    assert options["endpoint_url"] == "https://minio.example.com:9000"
    assert options["location"] == PREFIX
    assert options["default_acl"] is None
    assert options["querystring_auth"] is True
    assert options["file_overwrite"] is False
    assert base["default"]["BACKEND"].endswith("FileSystemStorage")  # not changed in place


def test_an_empty_endpoint_means_aws_and_a_set_one_reaches_the_client():
    aws = with_s3_storage({}, ENVIRON)["default"]["OPTIONS"]
    assert aws["endpoint_url"] is None
    from storages.backends.s3 import S3Storage

    options = with_s3_storage({}, {**ENVIRON, "KEEL_S3_ENDPOINT_URL": "http://127.0.0.1:9"})
    storage = S3Storage(**options["default"]["OPTIONS"])
    # Building the client makes no request, so no server needs to listen there.
    assert storage.connection.meta.client.meta.endpoint_url == "http://127.0.0.1:9"
    assert storage.connection.meta.client.meta.config.s3 == {"addressing_style": None}

    virtual = with_s3_storage({}, {**ENVIRON, "KEEL_S3_ADDRESSING_STYLE": "virtual"})
    storage = S3Storage(**virtual["default"]["OPTIONS"])
    assert storage.connection.meta.client.meta.config.s3 == {"addressing_style": "virtual"}


# --- Uploads and downloads through the bucket ------------------------------------------------


@pytest.fixture
def bucket(settings, monkeypatch) -> Iterator[object]:
    """A mocked bucket, and the default storage switched to it by Keel's own settings code."""
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
                 "AWS_PROFILE", "AWS_ENDPOINT_URL"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    with mock_aws():
        client = boto3.client(
            "s3", region_name="us-east-1", aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )  # fmt: skip
        client.create_bucket(Bucket=BUCKET)
        settings.STORAGES = with_s3_storage(settings.STORAGES, ENVIRON)
        assert storages["default"].__class__.__name__ == "S3Storage"
        yield client


def _assert_private(client, key: str) -> None:
    head = client.head_object(Bucket=BUCKET, Key=key)  # stored in the bucket, under the prefix
    assert head["ContentLength"] > 0
    grants = client.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    assert grants, "moto reports the owner's grant"
    assert not [g for g in grants if g["Grantee"].get("URI") in PUBLIC_GRANTEES]


def _body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.mark.django_db
def test_task_attachment_is_stored_privately_and_served_to_members_only(
    bucket, workspace, owner, member, outsider, login
):
    task = TaskFactory(project=ProjectFactory(workspace=workspace, key="S3T"))
    upload = SimpleUploadedFile("shot.png", PNG, content_type="image/png")
    attachment = task_services.attachment_add(actor=owner, task=task, upload=upload)

    key = f"{PREFIX}/{attachment.file.name}"
    _assert_private(bucket, key)
    assert bucket.get_object(Bucket=BUCKET, Key=key)["Body"].read() == PNG

    url = reverse(
        "attachment_download", kwargs={"ws": workspace.slug, "attachment_id": attachment.pk}
    )
    response = login(member).get(url)
    assert response.status_code == 200
    assert _body(response) == PNG
    assert response["Content-Disposition"].startswith("attachment")
    assert "amazonaws" not in response.get("Location", "")

    other = reverse(
        "attachment_download",
        kwargs={"ws": outsider.workspace.slug, "attachment_id": attachment.pk},
    )
    assert login(outsider).get(other).status_code == 404


@pytest.mark.django_db
def test_wiki_file_is_stored_privately_and_served_to_members_only(
    bucket, workspace, owner, member, outsider, login
):
    space = wiki_services.space_create(actor=owner, name="Operations", slug="ops")
    page = wiki_services.page_create(actor=owner, space=space, title="Returns", body="Hello")
    upload = SimpleUploadedFile("photo.png", PNG, content_type="application/octet-stream")
    attachment = attachment_upload(actor=owner, space=space, page=page, file=upload)

    _assert_private(bucket, f"{PREFIX}/{attachment.file.name}")
    response = login(member).get(
        reverse("wiki_file", kwargs={"ws": workspace.slug, "key": attachment.key})
    )
    assert response.status_code == 200
    assert _body(response) == PNG
    assert response["Content-Length"] == str(len(PNG))

    other = reverse("wiki_file", kwargs={"ws": outsider.workspace.slug, "key": attachment.key})
    assert login(outsider).get(other).status_code == 404


@pytest.mark.django_db
def test_wiki_video_seeks_with_a_range_read_from_the_bucket(
    bucket, workspace, owner, member, login
):
    space = wiki_services.space_create(actor=owner, name="Operations", slug="ops")
    page = wiki_services.page_create(actor=owner, space=space, title="Packing", body="Watch")
    upload = SimpleUploadedFile("packing.mp4", MP4, content_type="video/mp4")
    attachment = attachment_upload(actor=owner, space=space, page=page, file=upload)
    assert attachment.kind == "video"

    url = reverse("wiki_file", kwargs={"ws": workspace.slug, "key": attachment.key})
    response = login(member).get(url, HTTP_RANGE="bytes=1000-2999")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 1000-2999/{len(MP4)}"
    assert _body(response) == MP4[1000:3000]

    tail = login(member).get(url, HTTP_RANGE="bytes=-100")
    assert tail.status_code == 206 and _body(tail) == MP4[-100:]


@pytest.mark.django_db
def test_backup_archives_the_files_of_the_bucket(bucket, workspace, owner, tmp_path, monkeypatch):
    """`keel backup` (backup_create) copies the bucket's objects into the archive. The test
    database is in memory, which cannot be dumped: the dump is replaced by a stand-in file;
    the file walk is the real one."""
    task = TaskFactory(project=ProjectFactory(workspace=workspace, key="BAK"))
    upload = SimpleUploadedFile("shot.png", PNG, content_type="image/png")
    attachment = task_services.attachment_add(actor=owner, task=task, upload=upload)
    monkeypatch.setattr(backup, "_vendor", lambda: "sqlite")
    monkeypatch.setattr(backup, "_dump_sqlite", lambda target: target.write_bytes(b"db"))

    result = backup.backup_create(output=tmp_path / "keel.tar.gz")

    with tarfile.open(result.path) as archive:
        media = [m.name for m in archive.getmembers() if m.name.startswith("media/")]
        # Named relative to the prefix, as `keel restore` saves them back into the storage.
        assert media == [f"media/{attachment.file.name}"]
        assert archive.extractfile(media[0]).read() == PNG
        manifest = json.load(archive.extractfile(backup.MANIFEST))
    assert manifest["storage"] == S3_BACKEND
