import { Controller, Get, HttpCode, HttpException, Inject, Logger, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BLOB_STORE, BlobIntegrityError, type BlobStore } from '@crm/blob-store';
import { type Actor, fileContentType, Sha256 } from '@crm/workflow-kit';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { MinPosition } from '../read-models/read-your-writes';
import { API_RUNTIME, type ApiRuntime } from '../runtime';
import { DEFAULT_FILE_MAX_BYTES } from '@crm/config';
import { contentDisposition } from './content-disposition';
import { FileAccess } from './file-access.service';
import { FileUploads } from './file-uploads.service';
import { FILE_ALTERED } from './files.guard';
import { readUploadedFile, UploadRefused } from './multipart-file';

/** Whoever files documents on a customer's record: managers (qualification scans), sales (contracts), the leaders (minutes). */
const UPLOADERS = ['customer_manager', 'sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor'] as const;
const READERS = [...UPLOADERS, 'auditor', 'administrator'] as const;
const DownloadQuery = z.strictObject({ inline: z.enum(['0', '1']).optional(), minPosition: MinPosition });

/** Documents as files (issue 17, ADR 0018): upload once, name by sha-256 in the commands that file them, download with the original name. */
@ApiTags('files')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  private readonly logger = new Logger('files');
  private readonly maxBytes: number;

  constructor(
    private readonly uploads: FileUploads,
    private readonly access: FileAccess,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(API_RUNTIME) runtime: ApiRuntime,
  ) {
    this.maxBytes = runtime.fileMaxBytes ?? DEFAULT_FILE_MAX_BYTES;
  }

  @Post()
  @HttpCode(201)
  @Roles(...UPLOADERS)
  @ApiOperation({
    summary: 'Upload one file (multipart/form-data, part "file"): PDF, JPEG or PNG by its content, at most FILE_MAX_BYTES (413); answers the FileReference {sha256, name, mediaType, size} to name it in a command',
  })
  async upload(@Req() req: Request, @CurrentActor() actor: Actor) {
    try {
      return await this.uploads.upload(await readUploadedFile(req, this.maxBytes), actor);
    } catch (error) {
      if (error instanceof UploadRefused) throw new HttpException(error.problem, error.problem.statusCode);
      throw error;
    }
  }

  @Get(':sha256')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Download a file with its original name (attachment; ?inline=1 to preview): to its uploader and to whoever may read a record naming it (R-KAM-2)' })
  async download(
    @Param('sha256', { schema: Sha256 }) sha256: string,
    @Query({ schema: DownloadQuery }) query: z.infer<typeof DownloadQuery>,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.access.readable(actor, sha256, query.minPosition);
    const blob = await this.blobs.get(sha256).catch((error: unknown) => {
      if (!(error instanceof BlobIntegrityError)) throw error;
      this.logger.error(error.message);
      throw new HttpException({ statusCode: 409, error: 'Conflict', rule: FILE_ALTERED, message: `file ${sha256} (${file.name}) was altered in storage; run verify`, sha256 }, 409);
    });
    if (!blob) throw new HttpException({ statusCode: 404, error: 'Not Found', rule: 'NOT-FOUND', message: `file ${sha256} is on record but its bytes are missing; run verify` }, 404);
    // the type the bytes are (they hash to the key, so they are what was uploaded and checked)
    res.setHeader('Content-Type', fileContentType(blob.bytes) ?? 'application/octet-stream');
    res.setHeader('Content-Disposition', contentDisposition(file.name, query.inline === '1'));
    res.setHeader('Content-Length', String(blob.size));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.status(200).end(blob.bytes);
  }
}
