package org.opengovdata.archive.capture;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.springframework.web.multipart.MultipartFile;

/** A captured policy's JSON handed to the archive's intake as if it had been uploaded. */
record PolicyFile(String fileName, byte[] bytes) implements MultipartFile {

  @Override
  public String getName() {
    return "file";
  }

  @Override
  public String getOriginalFilename() {
    return fileName;
  }

  @Override
  public String getContentType() {
    return "application/json";
  }

  @Override
  public boolean isEmpty() {
    return bytes.length == 0;
  }

  @Override
  public long getSize() {
    return bytes.length;
  }

  @Override
  public byte[] getBytes() {
    return bytes.clone();
  }

  @Override
  public InputStream getInputStream() {
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public void transferTo(File dest) throws IOException {
    Files.write(dest.toPath(), bytes);
  }
}
